"""The desk's two roles: Editors review, Viewers only read."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = [
    ("articles", "view_outlet"), ("articles", "view_article"),
    ("claims", "view_claim"), ("claims", "view_annotation"), ("claims", "view_claimlink"), ("claims", "view_claimevent"),
]
EDIT = VIEW + [
    ("claims", "review_claim"), ("claims", "change_claim"),
    ("claims", "add_annotation"), ("claims", "delete_annotation"),
    ("claims", "add_claimlink"), ("claims", "change_claimlink"), ("claims", "delete_claimlink"),
    ("articles", "add_article"),
]
GROUPS = {"Editors": EDIT, "Viewers": VIEW}


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrating; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
