#!/usr/bin/env python
"""Django's command-line utility for factdesk."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    # manage.py is a developer's tool: debug unless told otherwise. The servers that face users,
    # gunicorn (wsgi.py) and Celery (celery.py), default to DEBUG off and so require SECRET_KEY.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
