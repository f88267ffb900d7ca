"""Editors correct articles (PATCH /api/v1/articles/{id}/, the admin): title, body, date, URL."""

from django.db import migrations


def grant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    change = Permission.objects.get(content_type__app_label="articles", codename="change_article")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(change)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    change = Permission.objects.filter(content_type__app_label="articles", codename="change_article")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.remove(*change)


class Migration(migrations.Migration):
    dependencies = [("claims", "0013_groups_read_the_feed"), ("articles", "0005_url_key")]
    operations = [migrations.RunPython(grant, revoke)]
