"""The alliance's part of Wagtail's v3 API.

Typed read schemas for our page types (with their translations and the alliance
they belong to), the public directory endpoints (alliances, companies, regions,
events) and the correction of the OpenAPI document. ``registration.register`` wires
it all onto Wagtail's one ``NinjaAPI`` instance from ``AlliancePagesConfig.ready``, so
that a single OpenAPI document describes everything served under ``/api/v3/``.
"""
