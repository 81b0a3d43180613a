"""Local development: DEBUG on, a throwaway key, mail to the console."""

from .base import *  # noqa: F403
from .environment import env

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# The embedded default keeps its database and media in var/ beside the checkout.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405

# runserver serves static files itself in development.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
