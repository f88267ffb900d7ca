"""The Celery application. Settings alone choose Redis or in-process execution."""

import logging
import os

from celery import Celery
from django.db import transaction
from kombu.exceptions import OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")

app = Celery("factdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)

# What a send raises when the broker cannot be reached: kombu wraps connection errors in OperationalError
# after its retries; a refused or dropped socket can still surface as OSError (ConnectionError is one).
BROKER_DOWN = (OperationalError, OSError)


class SendCounter:
    """How many sends this process could not make (the broker was down): commands report it at the end."""

    def __init__(self) -> None:
        self.failed = 0


unsent = SendCounter()


def enqueue(task_name: str, *args: object) -> bool:
    """Send the task named `task_name` now; by name, so a lower layer can start work defined above it.

    False, with a log line, when the broker cannot be reached: the caller's rows are committed by then and
    must stay so (the API answers 201, a command goes on). What was not sent is found again by what it left
    behind: an article stays `pending` and `manage.py sweep_extraction` (cron or Celery beat) queues it again.
    """
    try:
        app.signature(task_name, args=args).delay()
    except BROKER_DOWN as exc:
        unsent.failed += 1
        logger.warning(
            "task %s%r not sent: the broker is unreachable (%s: %s)", task_name, args, type(exc).__name__, exc
        )
        return False
    except Exception:  # any other failure to send: committed rows stay committed, the sweeper sends it later
        unsent.failed += 1
        logger.exception("task %s%r not sent: the send failed", task_name, args)
        return False
    return True


def enqueue_on_commit(task_name: str, *args: object) -> None:
    """Send the task named `task_name` once the current transaction commits (before, a worker may not see
    the rows it needs); at once outside a transaction.

    By name, so a lower layer can start work defined above it (ingestion starts extraction, an edit
    starts link suggestions) without importing it. The task still runs in-process where Celery is
    configured to (no broker, tests). A broker that is down is logged, never raised (see `enqueue`).
    """
    transaction.on_commit(lambda: enqueue(task_name, *args))
