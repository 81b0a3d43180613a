"""When two tsqueries rank alike (``search.backends.ts_rank``): checked against
PostgreSQL's own ``ts_rank`` where it runs, and as text on every database."""

import pytest
from django.db import connection

from search.backends.ts_rank import ranks_alike

PAIRS = [
    # (first, second, alike)
    ("'plastic' & 'dusseldorf'", "'plastic' <-> 'dusseldorf'", True),
    ("'tag' & 'industri'", "'tag' <2> 'industri'", True),
    ("'dusseldorf' & 'plastic'", "'plastic' <-> 'dusseldorf'", True),  # operands sorted
    ("'a' & 'a' & 'b'", "'a' <-> 'b'", True),  # distinct operands
    ("( 'munster' | 'muenster' ) & 'stahl'", "'munster' <-> 'stahl'", False),
    ("'plastic' | 'dusseldorf'", "'plastic' <-> 'dusseldorf'", False),  # | ranks apart
    ("'plastic':* & 'dusseldorf'", "'plastic' <-> 'dusseldorf'", False),  # a prefix
    ("'plastic':A & 'dusseldorf'", "'plastic' & 'dusseldorf'", False),  # a weight
    ("( 'a' & 'b' ) | 'c'", "'a' & 'b' & 'c'", False),
    ("'stahl'", "'stahl'", True),
    ("'it''s' & 'a'", "'it''s' <-> 'a'", True),  # a quote in a lexeme
    ("'a&b' & 'c'", "'a&b' <-> 'c'", True),  # an operator in a lexeme
]


@pytest.mark.parametrize(("first", "second", "alike"), PAIRS)
def test_two_queries_rank_alike_by_their_top_operator_and_operands(first, second, alike):
    assert ranks_alike(first, second) is alike


VECTORS = [
    "Plastik aus Düsseldorf: plastic recycling in Dusseldorf, plastic again",
    "dusseldorf plastic",
    "a b c a b it's a&b c munster stahl muenster",
    "nothing here",
]


def ranks(query: str) -> list[float]:
    """``ts_rank`` of ``query`` for each of VECTORS, the first 20 characters weighted B."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_rank('{0.1, 0.2, 0.6, 1.0}', setweight(to_tsvector('simple', "
            "left(text, 20)), 'B') || to_tsvector('simple', text), %s::tsquery) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS texts (text, n) ORDER BY n",
            [query, VECTORS],
        )
        return [rank for (rank,) in cursor.fetchall()]


@pytest.mark.parametrize(("first", "second", "alike"), PAIRS)
@pytest.mark.usefixtures("db")
def test_what_ranks_alike_as_text_ranks_alike_in_postgresql(first, second, alike):
    """The claim itself, on vectors with the operands at several distances and
    weights; and the pairs said to differ do differ on one of them at least."""
    if connection.vendor != "postgresql":
        pytest.skip("ts_rank is PostgreSQL's")
    if alike:
        assert ranks(first) == ranks(second)
    elif "|" in first:  # the others ("said to differ" is only a "cannot tell") may not
        assert ranks(first) != ranks(second)
