"""Settings fragments built from environment values, importable from settings modules.

Kept free of Django and Wagtail imports (like ``search.configuration``), because
settings are read before any app is loaded.
"""

FRONTEND_CACHE_BACKEND = "webhooks.frontend_cache.HTTPPurgeBackend"


def wagtail_frontend_cache(purge_url: str | None, timeout: float = 5) -> dict:
    """``WAGTAILFRONTENDCACHE`` for an HTTP purge endpoint (Varnish, nginx, …); off when unset."""
    if not purge_url:
        return {}
    return {
        "default": {
            "BACKEND": FRONTEND_CACHE_BACKEND,
            "LOCATION": purge_url,
            "TIMEOUT": timeout,
        }
    }
