"""Which alliance's own site a request came to, for the story search and the feeds.

A sub-alliance may have its own host name, a Wagtail Site rooted at its alliance page
(``found_sub_alliance --hostname``). A request to that host sees only the stories of
that alliance's subtree; the default site (the state alliance's portal) sees them all.
"""

from django.http import HttpRequest
from wagtail.models import Site


def site_root_id(request: HttpRequest) -> int | None:
    """The root page of the request's own site, or None for the default site.

    Finding the site costs a query; an installation with a single site (the usual
    case) learns that from Wagtail's cached list of site roots and skips it.
    """
    if len({root.site_id for root in Site.get_site_root_paths()}) <= 1:
        return None
    site = Site.find_for_request(request)
    if site is None or site.is_default_site:
        return None
    return site.root_page_id
