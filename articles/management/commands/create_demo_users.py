"""`manage.py create_demo_users`: the demo's editor and viewer accounts (DEBUG only)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_PASSWORD = "factdesk-demo"
ACCOUNTS = [
    # username, group, may use the admin
    ("editor", "Editors", True),
    ("viewer", "Viewers", False),
]


class Command(BaseCommand):
    help = "Create (or reuse) the demo accounts and print their credentials. Refused when DEBUG is off."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("refused: demo accounts with a published password are for DEBUG=1 only")
        User = get_user_model()
        for username, group_name, staff in ACCOUNTS:
            user, created = User.objects.get_or_create(username=username)
            user.is_staff = user.is_superuser = staff
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            state = "created" if created else "exists"
            self.stdout.write(f"{group_name[:-1]} account ({state}): username {username!r}, password {DEMO_PASSWORD!r}")
