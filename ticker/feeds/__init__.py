"""Feeds of the Industrieticker per language: RSS 2.0, Atom 1.0 and JSON Feed 1.1.

They take the filters of ``/api/v3/stories/`` (``ticker.api.params``) and ask the same
search (``search.stories``), so a feed shows what the API would list, newest first.
"""
