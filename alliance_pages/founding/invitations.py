"""Inviting the sub-alliance's first editors and moderators by e-mail.

A person without an account gets one with an unusable password (nobody can log in as
them yet) and an e-mail with a link to the admin's own "set a new password" form;
someone who has an account already gets a note and the login link. The e-mail leaves
only after the founding's transaction has committed, so a refused founding sends
nothing, and a re-run sends nothing to people already in the group.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .request import FoundingError


def _admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def password_link(user) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return _admin_url(reverse("wagtailadmin_password_reset_confirm", args=[uidb64, token]))


def _person(address: str, field: str | None):
    user_model = get_user_model()
    user = user_model._default_manager.filter(email__iexact=address).order_by("pk").first()
    if user is not None:
        return user
    username = address.lower()
    if user_model._default_manager.filter(username=username).exists():
        raise FoundingError(
            _("The user name %(username)s is taken by an account with another e-mail address.")
            % {"username": username},
            field=field,
        )
    user = user_model(username=username, email=address, is_active=True)
    user.set_unusable_password()
    user.save()
    return user


def send_invitation(user, group: Group, alliance_name: str) -> None:
    needs_password = not user.has_usable_password()
    context = {
        "user": user,
        "group": group.name,
        "alliance": alliance_name,
        "needs_password": needs_password,
        "link": password_link(user)
        if needs_password
        else _admin_url(reverse("wagtailadmin_login")),
    }
    subject = render_to_string("alliance_pages/founding/invitation_subject.txt", context)
    body = render_to_string("alliance_pages/founding/invitation_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def invite(addresses, group: Group, alliance_name: str, *, field: str | None = None) -> list[str]:
    """Add each person to ``group``; those newly added get an e-mail after the commit.

    ``field``: where the addresses came from (``editors``, ``moderators``), named by a
    refusal."""
    invited = []
    for address in addresses:
        user = _person(address, field)
        if user.groups.filter(pk=group.pk).exists():
            continue
        user.groups.add(group)
        invited.append(address)
        transaction.on_commit(
            lambda user=user: send_invitation(user, group, alliance_name), robust=True
        )
    return invited
