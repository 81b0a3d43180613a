"""A synthetic, bilingual Industrieticker corpus for benchmarks and tests at scale.

``generate_stories --count N --seed S`` builds it: ``words`` reads the word lists in
``data/``, ``generator`` composes deterministic German and English stories from them,
``targets`` finds (or makes) the tickers, companies and regions, ``writer`` puts the
stories into the tree a batch at a time, ``indexing`` indexes each batch in bulk, and
``run`` ties these together. ``digest`` fingerprints a corpus to check it reproduces.
"""
