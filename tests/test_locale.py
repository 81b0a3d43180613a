"""The German catalogue is real, complete, and up to date with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

REPOSITORY = Path(__file__).resolve().parent.parent
CATALOGUE = REPOSITORY / "locale" / "de" / "LC_MESSAGES" / "django.po"
SOURCES = ["alliance_pages", "ticker", "search", "site"]


def msgids(po_text: str) -> set[str]:
    """The msgids of a PO file (header excluded), joined across continuation lines."""
    ids, current, in_msgid = set(), [], False
    for line in po_text.splitlines():
        if line.startswith("msgid "):
            in_msgid, current = True, [line[6:]]
        elif in_msgid and line.startswith('"'):
            current.append(line)
        else:
            if in_msgid:
                text = "".join(part.strip()[1:-1] for part in current)
                if text:
                    ids.add(text)
            in_msgid = False
    return ids


def test_catalogue_has_no_untranslated_or_fuzzy_entries():
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", str(CATALOGUE)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert msgids(result.stdout) == set(), f"{flag} entries in {CATALOGUE}"


def test_catalogue_covers_every_marked_string(tmp_path):
    for name in SOURCES:
        shutil.copytree(
            REPOSITORY / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copytree(REPOSITORY / "locale", tmp_path / "locale")
    subprocess.run(
        [
            sys.executable,
            "site/manage.py",
            "makemessages",
            "--locale",
            "de",
            "--no-obsolete",
            "--verbosity",
            "0",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "alliance_site.settings.test",
            "PYTHONPATH": f"{tmp_path}:{tmp_path / 'site'}",
        },
    )
    fresh = msgids((tmp_path / "locale/de/LC_MESSAGES/django.po").read_text())
    committed = msgids(CATALOGUE.read_text())
    assert fresh - committed == set(), "run `make makemessages` and translate the new strings"


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("Industrieticker", "Industrieticker"),
        ("ticker story", "Tickermeldung"),
        ("Signatory of the Düsseldorf Declaration", "Unterzeichner der Düsseldorfer Erklärung"),
    ],
)
def test_compiled_catalogue_is_used(english, german):
    with translation.override("de"):
        assert translation.gettext(english) == german
