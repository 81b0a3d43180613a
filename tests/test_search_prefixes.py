"""A story search's prefixes written out as the index's lexemes (``search.prefixes``).

The documents-against-pages tests (``test_story_documents``) hold the results equal;
these hold the rewriting itself: a prefix that stands for a few lexemes becomes
those lexemes, one that stands for many stays a prefix, and quotes survive.
"""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from search import prefixes
from search.models import IndexLexeme

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="The index lexemes are PostgreSQL's; run with DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db,
]


def text_of(query: SearchQuery) -> str:
    with connection.cursor() as cursor:
        sql, params = query.as_sql(None, connection)
        cursor.execute(f"SELECT ({sql})::text", params)
        return cursor.fetchone()[0]


def raw(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="raw", config="simple")


def keep(*lexemes: str) -> None:
    """Lexemes beginning with "zq", which no story of the other tests' worlds holds."""
    assert all(lexeme.startswith("zq") for lexeme in lexemes)
    IndexLexeme.objects.bulk_create([IndexLexeme(lexeme) for lexeme in lexemes])


def test_a_prefix_of_a_few_lexemes_becomes_those_lexemes():
    keep("zqdusseldorf", "zqdusseldorfer", "zqdussel", "zqplastic", "zqplastics", "zqdusseldorg")
    rewritten = prefixes.expand(raw("zqplastic:* & zqdusseldorf:*"), "default").match
    assert text_of(rewritten) == (
        "( 'zqplastic' | 'zqplastics' ) & ( 'zqdusseldorf' | 'zqdusseldorfer' )"
    )


def test_a_prefix_of_many_lexemes_stays_a_prefix():
    keep(*(f"zqwasser{n:02d}" for n in range(prefixes.MAX_LEXEMES + 1)), "zqstoff")
    rewritten = prefixes.expand(raw("zqwasser:* & zqstoff:*"), "default").match
    assert text_of(rewritten) == "'zqwasser':* & 'zqstoff'"


def test_a_prefix_no_lexeme_begins_with_stays_as_it_was():
    keep("zqstoff")
    assert text_of(prefixes.expand(raw("zqquagga:* | zqstoff"), "default").match) == (
        "'zqquagga':* | 'zqstoff'"
    )


def test_quotes_and_the_last_code_point_bound():
    keep("zqo'brien", "zqo'briens", "zqo", "zqo'", "zqp")
    rewritten = prefixes.expand(prefixes.TextSearchQuery("'zqo''brien':*"), "default").match
    assert text_of(rewritten) == "'zqo''brien' | 'zqo''briens'"


def test_a_query_without_prefixes_is_left_alone():
    query = raw("zqwasserstoff & zqstahl")
    assert prefixes.expand(query, "default").match is query


def test_a_prefix_restricted_to_weights_is_left_alone():
    keep("zqstahl", "zqstahlwerk")
    weighted = prefixes.TextSearchQuery("'zqstahl':*AB & 'zqstahl':*")
    rewritten = prefixes.expand(weighted, "default").match
    assert text_of(rewritten) == "'zqstahl':*AB & ( 'zqstahl' | 'zqstahlwerk' )"


@pytest.mark.parametrize(
    ("text", "stand_for_words"),
    [
        ("zqrecoveri:* & zqstoff", True),  # its own lexeme alone
        ("zqquagga:*", True),  # no lexeme: matches nothing, as the whole word does
        ("zqstoff", True),  # no prefix at all
        ("zqplastic:* & zqrecoveri:*", False),  # "zqplastics" too
        ("zqrecoveri:*AB", False),  # restricted to weights
        ("zqwasser:*", False),  # too many lexemes to write out
    ],
)
def test_whether_the_prefixes_stand_for_their_own_words_alone(text, stand_for_words):
    keep("zqrecoveri", "zqplastic", "zqplastics", "zqstoff")
    keep(*(f"zqwasser{n:02d}" for n in range(prefixes.MAX_LEXEMES + 1)))
    query = prefixes.TextSearchQuery(text) if "AB" in text else raw(text)
    assert prefixes.expand(query, "default").prefixes_are_words is stand_for_words
