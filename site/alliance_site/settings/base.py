"""Settings shared by every environment of the reference site."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from search.configuration import wagtailsearch_backends
from webhooks.configuration import wagtail_frontend_cache

from .databases import with_connection_options
from .environment import env, env_list

PROJECT_DIR = Path(__file__).resolve().parent.parent
SITE_DIR = PROJECT_DIR.parent
REPOSITORY_DIR = SITE_DIR.parent
VAR_DIR = Path(env("ALLIANCE_VAR_DIR", str(REPOSITORY_DIR / "var")))

INSTALLED_APPS = [
    "alliance_pages",
    "ticker",
    "search",
    "webhooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app with a "Read" column in the group editor (alliance_pages.review).
    "alliance_pages.review.users_app.WagtailUsersWithReadingConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v3",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "wagtail_headless_preview",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that can answer on its own (WhiteNoise, CommonMiddleware's redirects).
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: the API and feeds follow Accept-Language.
    "alliance_site.language.MachineLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Needs request.user; see alliance_site.http.
    "alliance_site.http.PublicCachingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "alliance_site.urls"
WSGI_APPLICATION = "alliance_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in var/ is the embedded default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": with_connection_options(
        dj_database_url.config(
            default=f"sqlite:///{VAR_DIR / 'alliance.sqlite3'}",
            conn_max_age=60,
        )
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first: the default language, the source of every translation.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [REPOSITORY_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# A new translation starts as a draft; it must not go live carrying German text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Allianz pro Industrie und Nachhaltigkeit"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = wagtailsearch_backends(env("ELASTICSEARCH_URL"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# API consumers get rendered rich text (links and embeds expanded); ?rich_text_format=
# still asks for another format.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Anonymous GETs of the APIs and feeds may be cached this long (alliance_site.http).
API_CACHE_MAX_AGE = int(env("API_CACHE_MAX_AGE", "300"))
# Front ends that call the APIs and feeds from the browser (comma-separated origins).
CORS_ALLOWED_ORIGINS = env_list("FRONTEND_ORIGINS")
CORS_URLS_REGEX = r"^/(api/v2|api/v3|feeds)/"

# Indexing runs as django-tasks in Wagtail 8; the immediate backend keeps the embedded
# default free of a worker process. Updates of an external search engine
# (Elasticsearch) go to the database-backed "search" queue instead, run by
# `python site/manage.py db_worker --backend search` (README, "Search on Elasticsearch").
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "search": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # Publication webhooks: `manage.py db_worker --backend webhooks` sends them.
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Publication webhooks, WebSub and the frontend cache (see README, "Webhooks").
# Endpoints are managed in the admin; these are the machine-wide knobs.
WEBHOOKS_TIMEOUT = 5  # seconds per request: a dead receiver must not hold a worker
WEBHOOKS_MAX_ATTEMPTS = 6  # first try and five retries, 30 s … 8 min apart
WEBSUB_HUB_URL = env("WEBSUB_HUB_URL")
WAGTAILFRONTENDCACHE = wagtail_frontend_cache(env("FRONTEND_CACHE_URL"))
# Each translation is published (and purged) on its own; no per-language URL rewriting.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

# Headless preview (alliance_pages.preview): the editor's preview opens HEADLESS_PREVIEW_URL
# with a token the front end exchanges for the draft at /api/v3/preview/; drafts are kept
# in wagtail_headless_preview's table. Unset: Wagtail's own template preview.
HEADLESS_PREVIEW_URL = env("HEADLESS_PREVIEW_URL")
HEADLESS_PREVIEW_TOKEN_MAX_AGE = 600  # seconds

# Support requests (README, "Support requests"): who at the coordination office is
# e-mailed about a new one (comma-separated), and how many one client address may
# submit per window (count, seconds).
COORDINATION_OFFICE_EMAIL = env_list("COORDINATION_OFFICE_EMAIL")
SUPPORT_REQUEST_RATE = (5, 3600)

# Django 6 assumes https for scheme-less URLs typed into forms; opt in now.
FORMS_URLFIELD_ASSUME_HTTPS = True
