"""Connection options the site's two database engines need, for every environment."""

SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = ("django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis")


def with_connection_options(database: dict) -> dict:
    """``database`` (as ``dj_database_url`` gives it) with the site's options.

    SQLite waits for a lock instead of failing: without a busy timeout, a publish racing
    the dev server fails with "database is locked". PostgreSQL compiles no statement
    to machine code: the site's statements are short, and once a story search or the
    listing grows past the JIT threshold, compiling costs more than it saves (README,
    "No JIT compilation on PostgreSQL", has the figures).
    """
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == SQLITE:
        options.setdefault("timeout", 20)
    elif database["ENGINE"] in POSTGRESQL:
        options["options"] = " ".join(filter(None, [options.get("options"), "-c jit=off"]))
    return database
