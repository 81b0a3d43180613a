from django.core.management.base import BaseCommand

from webhooks import delivery
from webhooks.choices import DeliveryStatus


class Command(BaseCommand):
    help = (
        "Sends webhook deliveries and WebSub pings that are due: retries the task backend "
        "could not defer, and deliveries whose worker died. Run it from cron every minute."
    )

    def handle(self, *args, **options):
        due = delivery.due_delivery_ids()
        counts = dict.fromkeys(DeliveryStatus.values, 0)
        for number, delivery_id in enumerate(due, start=1):
            result = delivery.attempt(delivery_id)
            if result is not None:
                counts[result.status] += 1
            if options["verbosity"] >= 2:
                self.stdout.write(f"{number}/{len(due)} delivery {delivery_id}")
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"{len(due)} due: {counts[DeliveryStatus.SUCCEEDED]} delivered, "
                f"{counts[DeliveryStatus.RETRYING]} to retry, "
                f"{counts[DeliveryStatus.FAILED]} failed."
            )
