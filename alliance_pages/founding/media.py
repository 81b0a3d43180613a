"""Each sub-alliance's image and document collection.

Collections nest like the alliances: a local alliance's collection lies inside its
regional alliance's, so the regional editors reach the local media just as they reach
the local pages, and nobody else's. A collection is found by the alliance's name
(German title) under the parent alliance's collection.
"""

from wagtail.models import Collection

from ..models import AlliancePage


def alliance_collection(alliance: AlliancePage) -> Collection | None:
    """The collection of a sub-alliance, or None for the state alliance and unknown ones."""
    parent = alliance.get_parent().specific
    if not isinstance(parent, AlliancePage) or alliance.is_state_alliance:
        return None
    container = parent_collection(parent)
    return container.get_children().filter(name=alliance.title).first() if container else None


def parent_collection(parent: AlliancePage) -> Collection | None:
    """Where a sub-alliance of ``parent`` keeps its collection."""
    if parent.is_state_alliance:
        return Collection.get_first_root_node()
    return alliance_collection(parent)


def ensure_collection(parent: AlliancePage, name: str) -> Collection:
    container = parent_collection(parent) or Collection.get_first_root_node()
    existing = container.get_children().filter(name=name).first()
    return existing or container.add_child(name=name)
