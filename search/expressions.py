"""SQL expressions story search needs and Django does not give for every database.

``IdList``: a list of ids as one SQL parameter, for ``pk__in`` filters over thousands
of hits. A story search reads the ids of every match once and then counts facets over them in
several queries. Handing those queries the full-text match as a subquery would run
the match again in each; handing them the ids as ``IN (%s, %s, ...)`` would bind one
parameter per hit, past SQLite's limit of 32,766 on a large corpus. So the ids travel
as one value: a JSON array that SQLite unpacks with ``json_each``, an integer array
that PostgreSQL unpacks with ``unnest``.

``Year``: the year of a date without a call into Python per row on SQLite.
"""

import json
from collections.abc import Iterable

from django.db.models import BigIntegerField, Expression, Func, IntegerField
from django.db.models.functions import ExtractYear


class IdList(Expression):
    """``(SELECT id FROM <the list>)``: usable as the right side of ``__in``."""

    output_field = BigIntegerField()

    def __init__(self, ids: Iterable[int]):
        super().__init__()
        self.ids = [int(pk) for pk in ids]

    def __len__(self) -> int:
        return len(self.ids)

    def as_sql(self, compiler, connection):
        if not self.ids:
            return "(SELECT NULL WHERE 1 = 0)", []
        return "(" + ", ".join(["%s"] * len(self.ids)) + ")", list(self.ids)

    def as_sqlite(self, compiler, connection):
        return "(SELECT value FROM json_each(%s))", [json.dumps(self.ids)]

    def as_postgresql(self, compiler, connection):
        # Written out as one array literal: psycopg would adapt the list element by
        # element, which took longer than the query (6 ms for 6,500 ids).
        return "(SELECT unnest(%s::bigint[]))", ["{" + ",".join(map(str, self.ids)) + "}"]


class Year(Func):
    """The year of a date column, as Django's ``ExtractYear`` on every database but
    SQLite, where that calls back into Python once per row; dates there are ISO text,
    so the year is their first four characters."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(ExtractYear(*self.source_expressions))

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="CAST(substr(%(expressions)s, 1, 4) AS integer)"
        )
