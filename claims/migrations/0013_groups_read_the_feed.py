"""Editors and Viewers read the change feed (/api/v1/events/), as they read claims."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="feed", codename="view_event")
    for group in Group.objects.filter(name__in=["Editors", "Viewers"]):
        group.permissions.add(view)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Viewers"]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="feed", codename="view_event"))


class Migration(migrations.Migration):
    dependencies = [("claims", "0012_event_kinds_group_article"), ("feed", "0001_change_feed")]
    operations = [migrations.RunPython(grant, revoke)]
