from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The API plumbing; an app for the table that remembers answers to idempotent requests, the move of
    plain-text API tokens to hashed ones, and the session stamps."""

    name = "factdesk.api"
    label = "factdesk_api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import sessions  # noqa: F401  (connects the sign-in stamp)
