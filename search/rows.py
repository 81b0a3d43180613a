"""Thousands of integer rows read in one fetch.

Django reads query results 100 rows at a time and hands every value to its
converters. For the ids of every match of a broad search (6,500 among 100,000
stories) that took longer than the query itself. Integer columns need no
conversion, so these take the query's SQL from Django and fetch every row at once.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet


def integer_rows(queryset: QuerySet) -> list[tuple[int, ...]]:
    """The rows of a ``values_list`` queryset whose columns are all integers."""
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def integers(queryset: QuerySet) -> list[int]:
    """The values of a one-column, integer ``values_list`` queryset."""
    return [row[0] for row in integer_rows(queryset)]
