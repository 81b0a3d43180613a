"""Answering searches while Elasticsearch is down.

With Elasticsearch configured, the database backend is kept up to date beside it
(``search.configuration.FALLBACK_BACKEND_NAME``). A search that fails on Elasticsearch
(refused, timed out, an error answer) is run again on the database backend, and the
caller is told so, so the API can say it answered in a degraded mode. After a failure
Elasticsearch is skipped for ``PAUSE_AFTER_FAILURE`` so that a silent server does not
cost every reader the client timeout; then it is tried again.

Code that searches calls ``search.resilience.get_search_backend()`` instead of
Wagtail's: inside ``run_search`` it is the backend chosen for this attempt.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends import get_search_backend as wagtail_search_backend

from .configuration import FALLBACK_BACKEND_NAME

logger = logging.getLogger(__name__)

T = TypeVar("T")

PRIMARY_BACKEND_NAME = "default"
PAUSE_AFTER_FAILURE = 30  # seconds
PAUSE_CACHE_KEY = "alliance_search:primary_paused"
# What a search engine that is down or broken raises: connection refused, timeout,
# and any error answer (an index that does not exist yet, a cluster that is red).
ENGINE_ERRORS = (TransportError, ApiError)

_current_backend: ContextVar[str] = ContextVar("alliance_search_backend", default="default")


@dataclass(frozen=True)
class Engine:
    """Which backend answered: its kind ("elasticsearch" or "database") and whether
    it was the fallback."""

    kind: str
    degraded: bool


def get_search_backend():
    """The search backend for the current attempt of ``run_search`` (else the default)."""
    return wagtail_search_backend(_current_backend.get())


def backend_kind(name: str) -> str:
    path = settings.WAGTAILSEARCH_BACKENDS.get(name, {}).get("BACKEND", "")
    return "elasticsearch" if "elasticsearch" in path else "database"


def has_fallback() -> bool:
    backends = settings.WAGTAILSEARCH_BACKENDS
    return FALLBACK_BACKEND_NAME in backends and PRIMARY_BACKEND_NAME in backends


@contextmanager
def using_backend(name: str) -> Iterator[None]:
    token = _current_backend.set(name)
    try:
        yield
    finally:
        _current_backend.reset(token)


def primary_paused() -> bool:
    return bool(cache.get(PAUSE_CACHE_KEY))


def pause_primary() -> None:
    cache.set(PAUSE_CACHE_KEY, True, PAUSE_AFTER_FAILURE)


def run_search(search: Callable[[], T]) -> tuple[T, Engine]:
    """``search()`` on the primary backend, or on the database backend if that fails."""
    if has_fallback() and not primary_paused():
        try:
            with using_backend(PRIMARY_BACKEND_NAME):
                return search(), Engine(backend_kind(PRIMARY_BACKEND_NAME), degraded=False)
        except ENGINE_ERRORS as error:
            logger.warning("Search engine unavailable, answering from the database: %s", error)
            pause_primary()
    if has_fallback():
        with using_backend(FALLBACK_BACKEND_NAME):
            return search(), Engine(backend_kind(FALLBACK_BACKEND_NAME), degraded=True)
    with using_backend(PRIMARY_BACKEND_NAME):
        return search(), Engine(backend_kind(PRIMARY_BACKEND_NAME), degraded=False)
