from django.apps import AppConfig


class FeedConfig(AppConfig):
    name = "feed"
    verbose_name = "Change feed and webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Register the webhook tasks in every process: they are sent by name (factdesk.celery.enqueue),
        # and without a broker run in-process only if this process knows them.
        from . import tasks  # noqa: F401
