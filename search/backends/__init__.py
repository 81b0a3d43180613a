"""Search backends of the alliance: Wagtail's own, extended where German needs it."""
