from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # checks registers the system checks. tasks registers the tasks in every process: they are sent
        # by name (factdesk.celery.enqueue), and without a broker run in-process only if it knows them.
        from . import checks, tasks  # noqa: F401
