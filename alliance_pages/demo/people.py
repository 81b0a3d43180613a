"""Demo editors and moderators of the sub-alliances, so that a newcomer can log in as
each role and see the real permission setup (logins in the README).

They are put into the groups the founding made, without the invitation e-mails a real
founding sends. Their password is set only while they have none, so a password
changed on a demo machine survives the next ``load_demo``.
"""

from django.contrib.auth import get_user_model

from ..roles import COMMUNICATIONS_EDITORS, COORDINATION_OFFICE, STEERING_COMMITTEE

DEMO_PASSWORD = "alliance-demo"
DEMO_DOMAIN = "allianz-demo.example"

# (username, group) of the central roles; sub-alliance people are named by alliance key.
CENTRAL_PEOPLE = (
    ("koordinierung", COORDINATION_OFFICE),
    ("kommunikation", COMMUNICATIONS_EDITORS),
    ("lenkungskreis", STEERING_COMMITTEE),
)


def _person(username: str):
    user_model = get_user_model()
    user, _created = user_model._default_manager.get_or_create(
        username=username, defaults={"email": f"{username}@{DEMO_DOMAIN}"}
    )
    # A new account's password is empty, which Django counts as "usable".
    if not user.password or not user.has_usable_password():
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def ensure_demo_people(alliance_key: str, founding) -> None:
    """``redaktion-<key>`` edits, ``moderation-<key>`` moderates the alliance ``<key>``."""
    _person(f"redaktion-{alliance_key}").groups.add(founding.editors)
    _person(f"moderation-{alliance_key}").groups.add(founding.moderators)


def ensure_central_people(groups) -> None:
    for username, group_name in CENTRAL_PEOPLE:
        _person(username).groups.add(groups[group_name])
