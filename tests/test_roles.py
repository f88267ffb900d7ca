"""The test cast's groups come back with every grant of the migrations after a transactional flush."""

from django.contrib.auth.models import Group

from .conftest import restore_roles


def test_restored_groups_keep_the_grants_of_later_migrations(db):
    Group.objects.all().delete()  # as a transactional test's flush leaves the database
    restore_roles()
    editors = set(Group.objects.get(name="Editors").permissions.values_list("content_type__app_label", "codename"))
    viewers = set(Group.objects.get(name="Viewers").permissions.values_list("content_type__app_label", "codename"))
    assert {("claims", "review_claim"), ("articles", "change_article"), ("feed", "view_event")} <= editors
    assert ("feed", "view_event") in viewers and ("claims", "review_claim") not in viewers


def test_a_group_with_a_permission_too_few_is_put_right(db):
    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(*editors.permissions.filter(codename="change_article"))
    restore_roles()
    assert editors.permissions.filter(content_type__app_label="articles", codename="change_article").exists()
