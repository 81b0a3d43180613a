"""German compound splitting, spelled-out umlauts and the choice of a typo correction:
the pure functions the database backends build on. They run on any database."""

import pytest

from search.backends.elasticsearch_analysis import german_compound_parts
from search.backends.words import with_umlauts
from search.compounds import compound_parts, compound_parts_of_text
from search.lexicon import closest, corrected_text, edit_distance, in_the_case_of


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Kunststoffabfälle", ("kunststoff", "stoff", "abfalle")),
        ("Kunststoffabfaelle", ("kunststoff", "stoff", "abfalle")),
        ("Batterierecycling", ("batterie", "recycling")),
        ("Fernwärmenetz", ("fernwarme", "warme", "netz")),
        # A listed word is split too; the longest part that leaves three letters.
        ("Chemiepark", ("chemie", "park")),
        ("Innovationspreis", ("innovation", "preis")),
    ],
)
def test_compounds_split_into_the_listed_parts(word, parts):
    assert compound_parts(word) == parts


@pytest.mark.parametrize("word", ["Projekte", "Abfälle", "Anzug", "Zugang", "Duisburg"])
def test_inflections_short_parts_and_plain_words_stay_whole(word):
    # "Projekte" is "Projekt" inflected, not a compound; "Zug" is too short to list.
    assert compound_parts(word) == ()


def test_the_parts_come_from_the_elasticsearch_word_list():
    listed = set(german_compound_parts())
    text = "Kunststoffabfälle, Batterierecycling und Wasserstoffzüge im Chemiepark"
    parts = compound_parts_of_text(text)
    assert parts and set(parts) <= listed
    assert "zug" not in parts and "recycling" in parts


def test_the_parts_of_a_text_come_once_each():
    parts = compound_parts_of_text("Stahlwerk, Stahlwerke und Stahlhandel; CO2-Werk 2024")
    assert parts == ["stahl", "werk", "handel"]


@pytest.mark.parametrize(
    ("typed", "umlauts"),
    [
        ("Muenster", "münster"),
        ("Duesseldorf", "düsseldorf"),
        ("Koeln", "köln"),
        ("Abfaelle", "abfälle"),
        ("Kuehlwasser", "kühlwasser"),
        # "ue" after a vowel or q is no umlaut.
        ("neue", None),
        ("Steuer", None),
        ("Quelle", None),
        # ß is folded by unaccent already; nothing to spell differently.
        ("Strasse", None),
        ("Straße", None),
    ],
)
def test_spelled_out_umlauts_are_written_as_umlauts(typed, umlauts):
    assert with_umlauts(typed) == umlauts


def test_edit_distance_counts_swaps_of_neighbours_as_one_edit():
    assert edit_distance("duisbrug", "duisburg", 2) == 1
    assert edit_distance("battarie", "batterie", 2) == 1
    assert edit_distance("kunstoff", "kunststoff", 2) == 2
    assert edit_distance("stahl", "stahl", 1) == 0
    # Past the limit it stops counting.
    assert edit_distance("kohle", "wasserstoff", 2) == 3
    assert edit_distance("energie", "industrie", 2) == 3


def test_the_closest_candidate_within_the_allowed_edits_wins():
    candidates = [("batterien", "batterien"), ("batterie", "batterie"), ("bauteile", "bauteile")]
    assert closest("battarie", candidates) == "batterie"
    # Five letters or fewer: one edit at most.
    assert closest("stakl", [("stahl", "stahl")]) == "stahl"
    assert closest("stkal", [("stahl", "stahl")]) is None
    # The first of equally close candidates (on PostgreSQL the most similar by trigrams).
    assert closest("celle", [("zelle", "zelle"), ("cella", "cella")]) == "zelle"
    assert closest("wasser", []) is None


def test_the_correction_keeps_the_readers_capitals_and_other_words():
    assert in_the_case_of("Duisbrug", "duisburg") == "Duisburg"
    assert in_the_case_of("dusseldrof", "düsseldorf") == "düsseldorf"
    assert in_the_case_of("BATTARIE", "batterie") == "BATTERIE"
    assert corrected_text(["Wasserstoff", "Duisbrug"], {1: "Duisburg"}) == ("Wasserstoff Duisburg")
