from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The API plumbing; an app only for the table that remembers answers to idempotent requests."""

    name = "factdesk.api"
    label = "factdesk_api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
