"""``found_sub_alliance``: success, a second run that changes nothing, and every refusal.

Run through ``call_command`` as an operator would; a refusal must leave the counts of
pages, groups, collections, workflows, users and sites exactly as they were.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
)

from alliance_pages.choices import AllianceLevel, RegionKind
from alliance_pages.models import AlliancePage
from alliance_pages.roles import COORDINATION_OFFICE
from alliance_pages.skeleton import events_index, regions_index, ticker_index
from tests.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(state_alliance):
    index = regions_index()
    district = region(index, "Regierungsbezirk Köln", RegionKind.ADMINISTRATIVE_DISTRICT)
    cologne = region(district, "Köln", RegionKind.CITY)
    leverkusen = region(district, "Leverkusen", RegionKind.CITY)
    return {"district": district, "cologne": cologne, "leverkusen": leverkusen}


def found(*args, **options):
    """In English, so that the messages matched here do not depend on the catalogue."""
    out = StringIO()
    with translation.override("en"):
        call_command("found_sub_alliance", *args, stdout=out, **options)
    return out.getvalue()


def found_cologne(django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return found(
            "Regionale Allianz Köln",
            level="regional",
            parent="allianz-pro-industrie-und-nachhaltigkeit",
            region="regierungsbezirk-koeln",
            founded_on="2012-03-01",
            editor=["redaktion@koeln.example"],
            moderator=["Moderation@koeln.example"],
            **extra,
        )


def census() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": GroupApprovalTask.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "mails": len(mail.outbox),
    }


def test_founding_creates_the_whole_sub_alliance(
    regions, locales, django_capture_on_commit_callbacks
):
    de, en = locales
    output = found_cologne(django_capture_on_commit_callbacks)
    alliance = AlliancePage.objects.get(locale=de, title="Regionale Allianz Köln")
    assert "Regionale Allianz Köln" in output
    assert alliance.slug == "regionale-allianz-koeln"
    assert alliance.level == AllianceLevel.REGIONAL and alliance.live
    assert alliance.region == regions["district"]
    assert str(alliance.founded_on) == "2012-03-01"
    english = alliance.get_translation(en)
    assert english.title == "Regional alliance Köln" and english.live
    assert ticker_index(alliance) and events_index(alliance)
    assert ticker_index(english).live and events_index(english).live

    collection = Collection.objects.get(name="Regionale Allianz Köln")
    assert collection.get_parent().is_root()

    editors = Group.objects.get(name="Regionale Allianz Köln: Editors")
    moderators = Group.objects.get(name="Regionale Allianz Köln: Moderators")
    for group, publish in ((editors, False), (moderators, True)):
        granted = GroupPagePermission.objects.filter(group=group)
        assert {p.page_id for p in granted} == {alliance.pk, english.pk}
        codenames = {p.permission.codename for p in granted}
        assert {"add_page", "change_page"} <= codenames
        assert ("publish_page" in codenames) is publish
        media = GroupCollectionPermission.objects.filter(group=group)
        assert {p.collection_id for p in media} == {collection.pk}
        assert {"add_image", "choose_image", "add_document"} <= {
            p.permission.codename for p in media
        }
        assert group.permissions.filter(codename="submit_translation").exists()
        assert group.permissions.filter(codename="access_admin").exists()

    workflow = Workflow.objects.get(name="Regionale Allianz Köln: Moderation")
    assert set(WorkflowPage.objects.filter(workflow=workflow).values_list("page", flat=True)) == {
        alliance.pk,
        english.pk,
    }
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {
        moderators.name,
        COORDINATION_OFFICE,
    }
    assert alliance.get_workflow() == workflow
    assert ticker_index(alliance).get_workflow() == workflow

    user_model = get_user_model()
    editor = user_model.objects.get(email="redaktion@koeln.example")
    moderator = user_model.objects.get(email="Moderation@koeln.example")
    assert list(editor.groups.all()) == [editors]
    assert list(moderator.groups.all()) == [moderators]
    assert not editor.has_usable_password()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([editor.email, moderator.email])
    invitation = next(m for m in mail.outbox if m.to == [editor.email])
    assert "Regionale Allianz Köln" in invitation.subject
    link = re.search(r"http://testserver/admin/password_reset/\S+", invitation.body)
    assert link, invitation.body


def test_the_invitation_link_sets_a_password(regions, client, django_capture_on_commit_callbacks):
    found_cologne(django_capture_on_commit_callbacks)
    invitation = next(m for m in mail.outbox if m.to == ["redaktion@koeln.example"])
    link = re.search(r"http://testserver(/admin/password_reset/\S+)", invitation.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": "Stahl-und-Chemie-2012", "new_password2": "Stahl-und-Chemie-2012"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="redaktion@koeln.example")
    assert user.check_password("Stahl-und-Chemie-2012")


def test_running_it_twice_changes_nothing(regions, django_capture_on_commit_callbacks):
    found_cologne(django_capture_on_commit_callbacks)
    before = census()
    output = found_cologne(django_capture_on_commit_callbacks)
    assert census() == before
    assert "exists already" in output


def test_a_local_alliance_nests_its_collection_and_gets_an_own_site(
    regions, locales, django_capture_on_commit_callbacks
):
    found_cologne(django_capture_on_commit_callbacks)
    found(
        "Lokale Allianz Leverkusen",
        level="local",
        parent="regionale-allianz-koeln",
        region="Leverkusen",
        hostname="Leverkusen.allianz.example",
    )
    local = AlliancePage.objects.get(locale=locales[0], slug="lokale-allianz-leverkusen")
    assert local.get_parent().title == "Regionale Allianz Köln"
    assert local.get_translation(locales[1]).title == "Local alliance Leverkusen"
    collection = Collection.objects.get(name="Lokale Allianz Leverkusen")
    assert collection.get_parent().name == "Regionale Allianz Köln"
    site = Site.objects.get(hostname="leverkusen.allianz.example")
    assert site.root_page_id == local.pk and not site.is_default_site


REFUSALS = [
    pytest.param({"parent": "gibt-es-nicht"}, "no alliance with the slug", id="unknown-parent"),
    pytest.param({"region": "Atlantis"}, "no region", id="unknown-region"),
    pytest.param({"level": "state"}, "invalid choice", id="state-level"),
    pytest.param(
        {"name": "Lokale Allianz Dormagen", "level": "local", "parent": "lokale-allianz-koeln"},
        "cannot contain",
        id="local-under-local",
    ),
    pytest.param(
        {"name": "Regionale Allianz Köln", "region": "Köln"},
        "already taken",
        id="slug-taken-by-another-alliance",
    ),
    pytest.param(
        {"name": "Lokale Allianz Köln", "slug": "andere-adresse"},
        "exists already elsewhere",
        id="name-taken",
    ),
    pytest.param({"editor": ["keine-adresse"]}, "not a valid e-mail", id="bad-address"),
    pytest.param({"hostname": "kein host"}, "not a valid host name", id="bad-hostname"),
    pytest.param({"hostname": "localhost"}, "belongs to another site", id="hostname-taken"),
]


@pytest.mark.parametrize(("overrides", "message"), REFUSALS)
def test_bad_input_is_refused_and_leaves_nothing_half_made(
    regions, overrides, message, django_capture_on_commit_callbacks
):
    found_cologne(django_capture_on_commit_callbacks)
    found(
        "Lokale Allianz Köln",
        level="local",
        parent="regionale-allianz-koeln",
        region="Köln",
    )
    before = census()
    options = {
        "level": "regional",
        "parent": "allianz-pro-industrie-und-nachhaltigkeit",
        "region": "regierungsbezirk-koeln",
        "name": "Regionale Allianz Rheinland",
        **overrides,
    }
    name = options.pop("name")
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(CommandError, match=message),
    ):
        found(name, **options)
    assert census() == before


FIELD_REFUSALS = [
    pytest.param({"parent": "gibt-es-nicht"}, "parent", id="unknown-parent"),
    pytest.param({"region": "Atlantis"}, "region", id="unknown-region"),
    pytest.param({"level": "state"}, "level", id="state-level"),
    pytest.param(
        {"name": "Lokale Allianz Dormagen", "level": "local", "parent": "lokale-allianz-koeln"},
        "level",
        id="local-under-local",
    ),
    pytest.param({"name": "Regionale Allianz Köln", "region": "Köln"}, "name", id="slug-taken"),
    pytest.param({"slug": "regionale-allianz-koeln"}, "slug", id="given-slug-taken"),
    pytest.param({"name": "Lokale Allianz Köln", "slug": "andere"}, "name", id="name-taken"),
    pytest.param({"name": " "}, "name", id="no-name"),
    pytest.param({"editors": ("keine-adresse",)}, "editors", id="bad-editor"),
    pytest.param({"moderators": ("keine-adresse",)}, "moderators", id="bad-moderator"),
    pytest.param({"hostname": "kein host"}, "hostname", id="bad-hostname"),
    pytest.param({"hostname": "localhost"}, "hostname", id="hostname-taken"),
    pytest.param({"founded_on": "gestern"}, "founded_on", id="bad-date"),
]


@pytest.mark.parametrize(("overrides", "field"), FIELD_REFUSALS)
def test_each_refusal_names_the_field_it_concerns(
    regions, overrides, field, django_capture_on_commit_callbacks
):
    """So that the admin form can show it beside that field (test_founding_admin)."""
    from alliance_pages.founding import FoundingError, FoundingRequest, found_sub_alliance

    found_cologne(django_capture_on_commit_callbacks)
    found("Lokale Allianz Köln", level="local", parent="regionale-allianz-koeln", region="Köln")
    before = census()
    request = {
        "name": "Regionale Allianz Rheinland",
        "level": "regional",
        "parent": "allianz-pro-industrie-und-nachhaltigkeit",
        "region": "regierungsbezirk-koeln",
        **overrides,
    }
    with pytest.raises(FoundingError) as refusal:
        found_sub_alliance(FoundingRequest(**request))
    assert refusal.value.field == field
    assert census() == before


def test_a_failure_half_way_rolls_everything_back(regions, monkeypatch):
    from alliance_pages.founding import founding

    before = census()

    def broken(*args, **kwargs):
        raise RuntimeError("Mailserver weg")

    monkeypatch.setattr(founding, "ensure_moderation", broken)
    with pytest.raises(RuntimeError):
        found(
            "Regionale Allianz Rheinland",
            level="regional",
            parent="allianz-pro-industrie-und-nachhaltigkeit",
            region="regierungsbezirk-koeln",
        )
    assert census() == before
