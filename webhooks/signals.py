"""Page signals turned into deliveries, WebSub pings and cache purges.

Translations are pages of their own, so publishing the English version of a story
raises its own ``page.published`` with ``"locale": "en"``.

Deleting a live page sends ``page.unpublished`` (Wagtail unpublishes a page before
deleting it) as well as ``page.deleted``; deleting a page with descendants reports
each of them. Deliveries are independent and retried independently, so receivers
must not rely on their order; ``occurred_at`` tells it.
"""

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import frontend_cache, websub
from .choices import PageEvent
from .outbox import never_fail, queue_page_event


@never_fail
def page_published_handler(sender, instance: Page, **kwargs) -> None:
    queue_page_event(PageEvent.PUBLISHED, instance)
    websub.queue_feed_pings(instance)
    frontend_cache.purge_story_listings(instance)


@never_fail
def page_unpublished_handler(sender, instance: Page, **kwargs) -> None:
    queue_page_event(PageEvent.UNPUBLISHED, instance)
    websub.queue_feed_pings(instance)
    frontend_cache.purge_story_listings(instance)


@never_fail
def page_moved_handler(
    sender,
    instance: Page,
    parent_page_before: Page,
    parent_page_after: Page,
    url_path_before: str,
    url_path_after: str,
    **kwargs,
) -> None:
    if parent_page_before.pk == parent_page_after.pk:
        return  # reordering among siblings changes no URL
    queue_page_event(
        PageEvent.MOVED,
        instance,
        # Endpoints watching the old place learn that the page left it.
        paths=[instance.path, parent_page_before.path],
        extra={"previous": {"url_path": url_path_before, "parent_id": parent_page_before.pk}},
    )
    frontend_cache.purge_old_location(instance, url_path_before)


@never_fail
def page_deleted_handler(sender, instance: Page, **kwargs) -> None:
    # pre_delete, not post_delete: the page's ancestors (for its alliance) and its
    # translations (for subtree matching) may be deleted in the same batch.
    queue_page_event(PageEvent.DELETED, instance)


def connect() -> None:
    page_published.connect(page_published_handler, dispatch_uid="alliance_webhooks_published")
    page_unpublished.connect(page_unpublished_handler, dispatch_uid="alliance_webhooks_unpublished")
    post_page_move.connect(page_moved_handler, dispatch_uid="alliance_webhooks_moved")
    # Deleting any page deletes its wagtailcore_page row, and Django sends pre_delete
    # once per row with sender=Page (and again for the specific table): listening to
    # Page alone reports each page exactly once.
    pre_delete.connect(page_deleted_handler, sender=Page, dispatch_uid="alliance_webhooks_deleted")
