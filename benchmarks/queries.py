"""The search benchmarks' queries, drawn with a seed from the corpus generator's words."""

import random

QUERIES_PER_LANGUAGE = 10


def benchmark_queries(seed: int) -> list[tuple[str, str]]:
    """(language, query): single words and word pairs from the generator's vocabulary."""
    from ticker.corpus.words import vocabulary

    words = vocabulary()
    chooser = random.Random(seed)
    terms = [*words.innovations, *words.materials, *words.processes]
    places = list(words.places)
    queries = []
    for language in ("de", "en"):
        for n in range(QUERIES_PER_LANGUAGE):
            term = chooser.choice(terms)
            text = getattr(term, "german" if language == "de" else "english")
            word = max(text.split(), key=len)
            if n % 2:
                place = chooser.choice(places)
                word = f"{word} {place.german if language == 'de' else place.english}"
            queries.append((language, word))
    return queries
