"""Connection options the site's two database engines need, for every environment."""

SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = ("django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis")


def with_connection_options(database: dict) -> dict:
    """``database`` (as ``dj_database_url`` gives it) with the site's options.

    SQLite waits for a lock instead of failing: without a busy timeout, a publish racing
    the dev server fails with "database is locked". PostgreSQL compiles no statement
    to machine code: the site's statements are short, and JIT compilation starts at an
    estimated cost of 100,000, which a story search passes from about 40,000 matches
    and the listing without words from about 150,000 stories of a language. Forced on
    at 100,000 stories, it made "recovery" (10,376 matches) take 57 ms instead of 36,
    and the listing 142 ms instead of 128.
    """
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == SQLITE:
        options.setdefault("timeout", 20)
    elif database["ENGINE"] in POSTGRESQL:
        options["options"] = " ".join(filter(None, [options.get("options"), "-c jit=off"]))
    return database
