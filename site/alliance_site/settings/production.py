"""Production: everything from the environment, and a loud refusal when something is missing."""

import dj_database_url

from .base import *  # noqa: F403
from .databases import with_connection_options
from .environment import env_flag, env_list, required_env

DEBUG = False
SECRET_KEY = required_env("DJANGO_SECRET_KEY", "sessions and signed tokens depend on it")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    required_env("DJANGO_ALLOWED_HOSTS", "a comma-separated list of the site's host names")
DATABASES = {
    "default": with_connection_options(
        dj_database_url.parse(
            required_env("DATABASE_URL", "production runs on PostgreSQL, e.g. postgres://..."),
            conn_max_age=600,
            conn_health_checks=True,
        )
    )
}
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30
SECURE_CONTENT_TYPE_NOSNIFF = True
