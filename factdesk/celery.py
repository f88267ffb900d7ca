"""The Celery application. Settings alone choose Redis or in-process execution."""

import os

from celery import Celery
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")

app = Celery("factdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def enqueue(task_name: str, *args: object) -> None:
    """Send the task named `task_name` now; by name, so a lower layer can start work defined above it."""
    app.signature(task_name, args=args).delay()


def enqueue_on_commit(task_name: str, *args: object) -> None:
    """Send the task named `task_name` once the current transaction commits (before, a worker may not see
    the rows it needs); at once outside a transaction.

    By name, so a lower layer can start work defined above it (ingestion starts extraction, an edit
    starts link suggestions) without importing it. The task still runs in-process where Celery is
    configured to (no broker, tests).
    """
    transaction.on_commit(lambda: enqueue(task_name, *args))
