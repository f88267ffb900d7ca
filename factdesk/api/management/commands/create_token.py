"""`manage.py create_token <username> [--days N] [-r]`: a new API token, its key printed once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from factdesk.api.tokens import create_token


class Command(BaseCommand):
    help = "Create an API token for a user and print its key (stored hashed: it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--days", type=int, default=None, help="Expire after this many days (0: never; default API_TOKEN_TTL_DAYS)"
        )
        parser.add_argument(
            "-r", "--reset", action="store_true", dest="reset", help="Delete the user's other tokens first"
        )

    def handle(self, *args, username: str, days: int | None, reset: bool, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"no user named {username!r}") from None
        if reset:
            user.auth_token_set.all().delete()
        instance, key = create_token(user, days)
        expiry = f" (expires {instance.expiry:%Y-%m-%d %H:%M} UTC)" if instance.expiry else ""
        self.stderr.write(f"Token for {username}{expiry}; it is stored hashed and shown only now:")
        self.stdout.write(key)
