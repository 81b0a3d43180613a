"""Guards for input that Wagtail's own v3 endpoints hand to the database unchecked.

Wagtail 8.0.1's pages, images and documents listings are public, and two kinds of
query string turn into server errors there instead of client errors:

* ``offset`` has no upper bound, so ``offset=99999999999999999999`` overflows the
  database's integer ("datatype mismatch" on SQLite, out of range on PostgreSQL).
  It gets the same bound as our own listings, and a 422 naming ``offset`` beyond it.
* ``search`` goes to the search backend as it was typed. The SQLite backend
  (modelsearch 1.3) wraps each word in double quotes without doubling a quote inside
  it, so ``search="`` is an FTS5 syntax error, and a search of blanks only fails to
  build a query at all. The backends treat ``search`` as plain words anyway (the API
  has no query syntax), so the guard hands over just the words, as the story search
  does (``search.stories.search_text``).

* ``site`` may name a port after a colon (``site=localhost:8000``); Wagtail hands
  whatever follows the colon to the integer port column, so ``site=a:`` or
  ``site=a:x`` is a server error. A port that is not a number from 0 to 65535 gets a
  422 naming ``site``.
* A NUL character in any query parameter (``/pages/find/?html_path=%00``) is a
  server error on PostgreSQL, which cannot store NUL in text; it is refused with a
  422 naming the parameter.

Applied to every operation of the one ``api`` as an operation decorator: it runs
after Ninja has validated the parameters and inside Ninja's error handling, so a
refusal becomes Wagtail's problem response like any other validation error.
"""

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.pagination import LimitOffsetPagination
from wagtail.api.v3.schemas.params import SearchSchema

from search.stories import search_text

from .params import MAX_OFFSET, refuse

# What Wagtail's site filter may hand to ``Site.port``: a TCP port.
PORT = re.compile(r"[0-9]{1,5}")
MAX_PORT = 65535


def _valid_port(site: str) -> bool:
    _hostname, colon, port = site.partition(":")
    return not colon or (PORT.fullmatch(port) is not None and int(port) <= MAX_PORT)


def guard_query(view_func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view_func)
    def wrapper(request: HttpRequest, *args, **kwargs):
        for name, values in request.GET.lists():
            if any("\x00" in value for value in values):
                # PostgreSQL cannot hold NUL in text: Wagtail's ``find`` would fail
                # with a server error on ``html_path=%00``.
                raise refuse(name, _("Control characters are not allowed."), "control_character")
        if not all(_valid_port(site) for site in request.GET.getlist("site")):
            raise refuse(
                "site",
                _("The port after the colon must be a number from 0 to 65535."),
                "invalid_port",
            )
        for value in kwargs.values():
            if isinstance(value, LimitOffsetPagination.Input) and value.offset > MAX_OFFSET:
                raise refuse(
                    "offset",
                    _("offset may be at most %(max)s.") % {"max": MAX_OFFSET},
                    "offset_too_large",
                )
            if isinstance(value, SearchSchema) and value.search is not None:
                value.search = search_text(value.search)
        return view_func(request, *args, **kwargs)

    return wrapper


def register(api) -> None:
    """Guard every operation of ``api``, before ``api.urls`` is read. Safe to call twice."""
    if getattr(api, "_alliance_guards_query", False):
        return
    api.add_decorator(guard_query, mode="operation")
    api._alliance_guards_query = True
