from io import StringIO

from django.core.management import call_command


def test_every_model_change_has_a_migration(db):
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit as exit_:
        raise AssertionError(f"Missing migrations:\n{output.getvalue()}") from exit_
