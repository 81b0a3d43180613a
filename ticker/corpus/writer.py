"""Writing planned stories into the page tree, a batch at a time.

``parent.add_child(instance=page)`` followed by ``save_revision().publish()`` costs
about 60 queries per page even with indexing switched off: validation, slug checks,
three saves of the same row, comment and tag lookups. At 100,000 stories that is
hours. The writer instead does what those calls leave behind, once per batch: tree
paths after the ticker's last child, one insert per table, one revision per page
holding the page as Wagtail would serialise it, the live and latest revision set,
``numchild`` raised, the audit log's "created" and "published" entries. The result
is what Wagtail would have made, which the tests check (tree consistency, revision
contents, URLs, search).

The English page is a real translation either way: same ``translation_key``, English
locale, under the English ticker, live, with its own tags. ``direct`` writes it like
the German page (fast; no wagtail-localize translation source). ``localize`` hands
each story to :func:`alliance_pages.translation.publish_translation`, so the
translation source and strings exist for later syncing, at the cost of some 400
queries a story.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from treebeard.exceptions import PathOverflow
from wagtail.models import Locale, Page, PageLogEntry, Revision, get_default_page_content_type
from wagtail.models.pages import COMMENTS_RELATION_NAME

from alliance_pages.translation import publish_translation
from ticker.models import TickerIndexPage, TickerStoryPage, TickerStoryTag

from .generator import StoryPlan, StoryText
from .targets import Targets

DIRECT = "direct"
LOCALIZE = "localize"
TRANSLATION_MODES = (DIRECT, LOCALIZE)


class TagCache:
    """Tags by name, looked up or created once per run rather than once per story.

    Created through ``Tag.objects.create`` so taggit keeps slugs unique (``Recycling``
    and ``recycling`` would otherwise collide).
    """

    def __init__(self) -> None:
        self._tags: dict[str, Tag] = {}

    def get(self, names: Iterable[str]) -> list[Tag]:
        names = list(names)
        missing = [name for name in names if name not in self._tags]
        if missing:
            self._tags.update({tag.name: tag for tag in Tag.objects.filter(name__in=missing)})
            for name in missing:
                if name not in self._tags:
                    self._tags[name] = Tag.objects.create(name=name)
        return [self._tags[name] for name in names]


class StoryWriter:
    """Writes the German page and the English translation of each planned story.

    Call :meth:`write` inside a transaction; it returns every page it created, for
    :func:`ticker.corpus.indexing.index_pages`.
    """

    def __init__(
        self,
        targets: Targets,
        *,
        german: Locale,
        english: Locale,
        translations: str = DIRECT,
        user=None,
    ) -> None:
        if translations not in TRANSLATION_MODES:
            raise ValueError(
                f"translations must be one of {TRANSLATION_MODES}, not {translations!r}"
            )
        self.targets = targets
        self.german = german
        self.english = english
        self.translations = translations
        self.user = user
        self.tags = TagCache()
        self.content_type = ContentType.objects.get_for_model(TickerStoryPage)
        self.base_content_type = get_default_page_content_type()
        self.db = router.db_for_write(Page)

    def write(self, plans: Sequence[StoryPlan]) -> list[TickerStoryPage]:
        now = timezone.now()
        tickers = [self.targets.tickers[plan.ticker] for plan in plans]
        german = [self._page(plan, plan.german, self.german, now) for plan in plans]
        self._insert(german, [ticker.german for ticker in tickers], now)
        if self.translations == DIRECT:
            english = [self._page(plan, plan.english, self.english, now) for plan in plans]
            self._insert(english, [ticker.english for ticker in tickers], now)
        else:
            english = [
                self._translate(page, plan) for page, plan in zip(german, plans, strict=True)
            ]
        return german + english

    # -- building ----------------------------------------------------------------

    def _page(
        self,
        plan: StoryPlan,
        text: StoryText,
        locale: Locale,
        now: datetime,
    ) -> TickerStoryPage:
        """An unsaved, published-looking page with its tags, companies and regions in memory.

        Holding the relations in memory lets the revision, the search index and the
        reference index read them without a query per page.
        """
        page = TickerStoryPage(
            title=text.title,
            draft_title=text.title,
            slug=text.slug,
            teaser=text.teaser,
            body=text.stream_data(),
            date=plan.date,
            archive_id=plan.archive_id,
            locale=locale,
            translation_key=plan.translation_key,
            content_type=self.content_type,
            owner=self.user,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            latest_revision_created_at=now,
        )
        setattr(page, COMMENTS_RELATION_NAME, [])
        page.tagged_items = [TickerStoryTag(tag=tag) for tag in self.tags.get(text.tags)]
        page.companies = [self.targets.companies[index] for index in plan.companies]
        page.regions = [self.targets.regions[index] for index in plan.regions]
        return page

    def _translate(self, german: TickerStoryPage, plan: StoryPlan) -> TickerStoryPage:
        text = plan.english
        return publish_translation(
            german,
            self.english,
            {"title": text.title, "slug": text.slug, "teaser": text.teaser, "body": text.blocks()},
            tags=list(text.tags),
            user=self.user,
        )

    # -- writing -----------------------------------------------------------------

    def _insert(
        self, pages: list[TickerStoryPage], parents: list[TickerIndexPage], now: datetime
    ) -> None:
        by_parent: dict[int, list[TickerStoryPage]] = {}
        for page, parent in zip(pages, parents, strict=True):
            by_parent.setdefault(parent.pk, []).append(page)
        for parent_id, children in by_parent.items():
            self._place(parent_id, children)

        # Page rows first (bulk_create refuses multi-table models, but inserting
        # into the base table alone is exactly what it does for Page)...
        Page.objects.bulk_create(pages)
        for page in pages:
            page.page_ptr_id = page.id
        # ...then the ticker story rows, the way Model.save() inserts them.
        self._insert_rows(TickerStoryPage, pages, TickerStoryPage._meta.local_concrete_fields)
        for parent_id, children in by_parent.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + len(children))

        tagged_items = []
        for page in pages:
            for item in page.tagged_items.all():
                item.content_object_id = page.pk
                tagged_items.append(item)
        TickerStoryTag.objects.bulk_create(tagged_items)
        for name in ("companies", "regions"):
            self._insert_links(pages, name)

        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=self.content_type,
                    base_content_type=self.base_content_type,
                    object_id=str(page.pk),
                    created_at=now,
                    user=self.user,
                    object_str=str(page),
                    content=page.serializable_data(),
                )
                for page in pages
            ]
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = revision
            page.live_revision = revision
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
        PageLogEntry.objects.bulk_create(self._log_entries(pages, revisions, now))

    def _place(self, parent_id: int, pages: list[TickerStoryPage]) -> None:
        """Tree paths after the parent's last child, URL paths, and slugs free among siblings.

        The parent row is locked, as treebeard's ``add_child`` locks it, so that two
        writers cannot hand out the same path.
        """
        parent = (
            Page.objects.select_for_update().only("path", "depth", "url_path").get(pk=parent_id)
        )
        siblings = Page.objects.filter(
            path__range=Page._get_children_path_interval(parent.path), depth=parent.depth + 1
        )
        last_path = siblings.order_by("-path").values_list("path", flat=True).first()
        step = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
        if step + len(pages) >= len(Page.alphabet) ** Page.steplen:
            raise PathOverflow(f"{parent.url_path} cannot take {len(pages)} more children.")
        taken = set(
            siblings.filter(slug__in=[p.slug for p in pages]).values_list("slug", flat=True)
        )
        for page in pages:
            step += 1
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, step)
            if page.slug in taken:
                page.slug = self._free_slug(siblings, page.slug, taken)
            taken.add(page.slug)
            page.url_path = f"{parent.url_path}{page.slug}/"

    @staticmethod
    def _free_slug(siblings, slug: str, taken: set[str]) -> str:
        """The first free ``slug-2``, ``slug-3``, …, numbered as ``tree.available_slug`` does.

        Unlike it, this also avoids the slugs the batch has handed out but not written yet.
        """
        suffix = 2
        while f"{slug}-{suffix}" in taken or siblings.filter(slug=f"{slug}-{suffix}").exists():
            suffix += 1
        return f"{slug}-{suffix}"

    def _insert_rows(self, model, objects: list, fields) -> None:
        """A multi-row INSERT of ``fields``, in chunks the database accepts."""
        ops = connections[self.db].ops
        size = max(ops.bulk_batch_size(fields, objects), 1)
        for start in range(0, len(objects), size):
            model._base_manager._insert(objects[start : start + size], fields=fields, using=self.db)

    @staticmethod
    def _insert_links(pages: list[TickerStoryPage], name: str) -> None:
        field = TickerStoryPage._meta.get_field(name)
        through = field.remote_field.through
        source = f"{field.m2m_field_name()}_id"
        target = f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            [
                through(**{source: page.pk, target: linked.pk})
                for page in pages
                for linked in getattr(page, name).all()
            ]
        )

    def _log_entries(self, pages, revisions, now: datetime) -> list[PageLogEntry]:
        entries = []
        for page, revision in zip(pages, revisions, strict=True):
            for action, logged_revision in (
                ("wagtail.create", None),
                ("wagtail.publish", revision),
            ):
                entries.append(
                    PageLogEntry(
                        content_type=self.content_type,
                        label=page.title,
                        action=action,
                        timestamp=now,
                        user=self.user,
                        page_id=page.pk,
                        revision=logged_revision,
                        content_changed=True,
                    )
                )
        return entries
