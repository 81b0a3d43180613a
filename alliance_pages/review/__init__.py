"""The read-only review: the steering committee reads every page, drafts and history
included, and changes nothing.

Wagtail has no page permission for reading: its explorer lists only pages the user may
add, edit, publish, lock or delete. So the review is a reading room of its own in the
admin ("Einsicht"), reached through the read grant: Django's ``wagtailcore.view_page``
("Can view page"), held like every other page permission as a GroupPagePermission on a
page and everything below it. Wagtail's group editor shows and keeps it as a "Read"
column (``group_editor``). Holders of any other page permission read their subtree in
the review too, so an editor can see exactly what the committee sees.

Every view here answers GET only, carries no form and no button that changes anything,
and refuses a page outside the reader's subtrees as the admin refuses any other area.
"""
