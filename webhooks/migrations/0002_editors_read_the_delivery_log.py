"""Wagtail's default Editors and Moderators groups may read the delivery log.

Editors publish; they should be able to see whether the front end heard about it.
Permissions are created after migrations run, so this creates the one it needs.
"""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="alliance_webhooks", model="delivery"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_delivery",
        defaults={"name": "Can view delivery"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="alliance_webhooks", codename="view_delivery"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("alliance_webhooks", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The groups come from Wagtail's own migrations.
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
