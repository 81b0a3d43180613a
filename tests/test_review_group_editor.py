"""The read grant in Wagtail's group editor: shown as a "Lesen" column, kept when the
group is saved unchanged, and granted on a subtree like any other page permission."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from alliance_pages.review.access import READ_CODENAME
from alliance_pages.roles import STEERING_COMMITTEE, ensure_roles

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """What a browser would submit from the page's form with the given id, as it is."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.in_form = False
        self.in_template = 0
        self.select: str | None = None
        self.textarea: str | None = None
        self.data: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "template":  # formset templates for new rows are not submitted
            self.in_template += 1
        if self.in_template:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                self.data.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = name
            self.data.append((name, ""))

    def handle_data(self, data):
        if self.textarea and self.in_form and not self.in_template:
            name, value = self.data.pop()
            self.data.append((name, value + data))

    def handle_endtag(self, tag):
        if tag == "template" and self.in_template:
            self.in_template -= 1
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form" and self.in_form and not self.in_template:
            self.in_form = False


def submitted(html: str, form_id: str) -> dict[str, list[str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data


@pytest.fixture
def admin_client(client, state_alliance):
    client.force_login(get_user_model().objects.create_superuser("chef", password="unused"))
    return client


def read_grants(group) -> set[tuple[int, str]]:
    return set(
        GroupPagePermission.objects.filter(group=group).values_list("page", "permission__codename")
    )


def test_the_group_editor_shows_and_keeps_the_read_grant(admin_client):
    steering = ensure_roles()[STEERING_COMMITTEE]
    before = read_grants(steering)
    assert before == {(Page.get_first_root_node().pk, READ_CODENAME)}
    url = reverse("wagtailusers_groups:edit", args=[steering.pk])

    form = admin_client.get(url)
    assert form.status_code == 200
    assert ">Lesen</th>" in form.text
    data = submitted(form.text, "w-editor-form")
    # The steering committee's one row: the root page, only "Lesen" ticked.
    assert data["page_permissions-TOTAL_FORMS"] == ["1"]
    assert data["page_permissions-0-permissions"] == [READ_CODENAME]

    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert response.url == reverse("wagtailusers_groups:index")
    assert read_grants(steering) == before
    assert set(steering.permissions.values_list("codename", flat=True)) == {"access_admin"}


def test_the_read_grant_is_given_on_a_subtree_in_the_group_editor(admin_client, state_alliance):
    response = admin_client.post(
        reverse("wagtailusers_groups:add"),
        {
            "name": "Beirat Düsseldorf (nur lesen)",
            "page_permissions-TOTAL_FORMS": "1",
            "page_permissions-INITIAL_FORMS": "0",
            "page_permissions-MIN_NUM_FORMS": "0",
            "page_permissions-MAX_NUM_FORMS": "1000",
            "page_permissions-0-page": str(state_alliance.pk),
            "page_permissions-0-permissions": [READ_CODENAME],
            **empty_collection_formsets(admin_client),
        },
    )
    assert response.status_code == 302
    group = Group.objects.get(name="Beirat Düsseldorf (nur lesen)")
    assert read_grants(group) == {(state_alliance.pk, READ_CODENAME)}


def empty_collection_formsets(client) -> dict[str, str]:
    """The management forms of the other permission panels (images, documents ...)."""
    form = client.get(reverse("wagtailusers_groups:add"))
    return {
        name: values[0]
        for name, values in submitted(form.text, "w-editor-form").items()
        if name.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS"))
        and not name.startswith("page_permissions-")
    }
