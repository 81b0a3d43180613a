"""Who the dashboard is for: the coordination office, which looks after every alliance."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def is_coordination_office(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Superusers and members of the coordination office group (``roles``)."""
    from ..roles import COORDINATION_OFFICE

    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATION_OFFICE).exists()
