"""Production refuses to start on missing configuration; the embedded defaults need none."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.configuration import DATABASE_BACKEND, ELASTICSEARCH_BACKEND, wagtailsearch_backends

REPOSITORY = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret",
    "DJANGO_ALLOWED_HOSTS": "allianz.example.org",
    "DATABASE_URL": "postgres://alliance@db.example.org:5432/alliance",
}


def load_settings(
    module: str,
    env: dict[str, str],
    shown: str = "settings.DATABASES['default']['ENGINE'], settings.DEBUG",
) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean_env.update(env)
    clean_env["DJANGO_SETTINGS_MODULE"] = module
    clean_env["PYTHONPATH"] = os.pathsep.join([str(REPOSITORY), str(REPOSITORY / "site")])
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; print({shown})",
        ],
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_complete_configuration():
    result = load_settings("alliance_site.settings.production", PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "False"]


@pytest.mark.parametrize(
    ("module", "env", "options"),
    [
        ("alliance_site.settings.production", PRODUCTION_ENV, {"options": "-c jit=off"}),
        (
            "alliance_site.settings.dev",
            {"DATABASE_URL": PRODUCTION_ENV["DATABASE_URL"]},
            {"options": "-c jit=off"},
        ),
        ("alliance_site.settings.dev", {}, {"timeout": 20}),
    ],
    ids=["production", "dev on PostgreSQL", "dev on SQLite"],
)
def test_connection_options(module, env, options, tmp_path):
    """PostgreSQL connections compile no statement (JIT costs the site's short ones
    more than it saves), in production too, which reads its own DATABASE_URL; SQLite
    waits for a lock instead of failing."""
    env = {"ALLIANCE_VAR_DIR": str(tmp_path), **env}
    result = load_settings(module, env, "settings.DATABASES['default']['OPTIONS']")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr(options)


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = load_settings("alliance_site.settings.production", env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_dev_settings_need_no_configuration(tmp_path):
    result = load_settings("alliance_site.settings.dev", {"ALLIANCE_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True"]


def test_search_backend_follows_elasticsearch_url():
    assert wagtailsearch_backends(None)["default"]["BACKEND"] == DATABASE_BACKEND
    elastic = wagtailsearch_backends("http://127.0.0.1:9200")["default"]
    assert elastic["BACKEND"] == ELASTICSEARCH_BACKEND
    assert elastic["URLS"] == ["http://127.0.0.1:9200"]
