"""The Industrieticker's part of Wagtail's v3 API: the public story search."""
