"""Telling the outside world that the alliance's pages changed.

Publication webhooks (signed JSON POSTs to endpoints editors manage in the admin),
WebSub pings for the ticker feeds and frontend-cache purges. Everything that leaves
the machine runs as a django-tasks task after the editor's transaction commits, so a
slow or dead receiver never holds up or fails a publish.
"""
