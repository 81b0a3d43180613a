"""The coordination office's dashboard: panels on the Wagtail admin home page.

``data`` asks the database (a fixed number of queries, whatever the size of the
tree), ``charts`` turns numbers into inline SVG geometry (no JavaScript, no CDN; every
chart has a table with the same numbers), ``panels`` are the admin components, and
``access`` says who sees them.
"""
