"""Translators per language: "Translators (English)" and "Translators (French)", with their reviewers.

The single "Translators" group could edit every page, the Arabic sources included. Its members
move into every language's translators group (they could translate into each before) and the
group is removed. The groups' permissions are set by ``roles.roles.ensure_roles`` after every
``migrate``: on a fresh database the permissions and the language trees do not exist yet here.
"""

from django.db import migrations

# Frozen here as they were when this migration was written; roles/roles.py derives them from the settings.
LANGUAGES = ("English", "French")
RETIRED = "Translators"


def translators(language):
    return f"Translators ({language})"


def reviewers(language):
    return f"Translation reviewers ({language})"


def split_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    groups = [Group.objects.get_or_create(name=translators(language))[0] for language in LANGUAGES]
    for language in LANGUAGES:
        Group.objects.get_or_create(name=reviewers(language))
    retired = Group.objects.filter(name=RETIRED).first()
    if retired is None:
        return
    members = list(retired.user_set.all())
    for group in groups:
        group.user_set.add(*members)
    retired.delete()


def merge_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    retired, _created = Group.objects.get_or_create(name=RETIRED)
    per_language = Group.objects.filter(name__in=[translators(language) for language in LANGUAGES])
    for group in per_language:
        retired.user_set.add(*group.user_set.all())
    per_language.delete()
    Group.objects.filter(name__in=[reviewers(language) for language in LANGUAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        # Removing a group removes its page and collection permissions and its task assignments.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(split_translators, merge_translators)]
