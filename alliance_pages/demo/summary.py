"""What the site holds, per page type and language: the table ``load_demo`` ends with.

It counts the whole site, not only what the demo made, so the table also shows
pages added by editors or imports since.
"""

from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page

from ..models import PartnerOrganisation
from .images import COLLECTION_NAME


def languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def page_counts() -> dict[type[Page], dict[str, int]]:
    """Pages below the root by model and language code, models in the apps' order."""
    rows = (
        Page.objects.filter(depth__gt=1)
        .order_by()
        .values("content_type", "locale__language_code")
        .annotate(pages=Count("pk"))
    )
    counts: dict[type[Page], dict[str, int]] = defaultdict(dict)
    for row in rows:
        # A page type whose model is gone still counts, as a plain page.
        model = ContentType.objects.get_for_id(row["content_type"]).model_class() or Page
        per_language = counts[model]
        code = row["locale__language_code"]
        per_language[code] = per_language.get(code, 0) + row["pages"]
    order = [m for m in apps.get_models() if issubclass(m, Page)]
    return dict(sorted(counts.items(), key=lambda item: order.index(item[0])))


def summary_table() -> list[str]:
    """Lines of a plain-text table: pages per type and language, then snippets and images."""
    codes = languages()
    counts = page_counts()
    type_rows = [(capfirst(model._meta.verbose_name_plural), per) for model, per in counts.items()]
    totals = {code: sum(per.get(code, 0) for per in counts.values()) for code in codes}
    organisations = dict(
        PartnerOrganisation.objects.order_by()
        .values("locale__language_code")
        .annotate(n=Count("pk"))
        .values_list("locale__language_code", "n")
    )
    total_rows = [
        (_("All pages"), totals),
        (capfirst(PartnerOrganisation._meta.verbose_name_plural), organisations),
    ]

    width = max(len(str(label)) for label, _per in type_rows + total_rows)

    def line(label, per) -> str:
        return f"{label!s:<{width}}" + "".join(f"{per.get(code, 0):>8}" for code in codes)

    header = f"{_('Page type'):<{width}}" + "".join(f"{code:>8}" for code in codes)
    rule = "-" * len(header)
    images = get_image_model().objects.filter(collection__name=COLLECTION_NAME).count()
    return [
        header,
        rule,
        *(line(label, per) for label, per in type_rows),
        rule,
        *(line(label, per) for label, per in total_rows),
        _("Images in the collection “%(name)s”: %(count)d")
        % {"name": COLLECTION_NAME, "count": images},
    ]
