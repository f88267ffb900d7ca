"""`manage.py dispatch_webhooks`: queue and send what is due now (from cron, or after a broker outage).

Workers send deliveries after each change and retry them on their own; this catches up what no change
triggered: a backlog after a subscription was switched on elsewhere, retries due while no worker ran.
"""

from django.core.management.base import BaseCommand

from feed import webhooks


class Command(BaseCommand):
    help = "Queue webhook deliveries of every change not yet queued, and send those due."

    def handle(self, *args, **options):
        queued = webhooks.dispatch()
        self.stdout.write(f"{queued} deliveries queued")
