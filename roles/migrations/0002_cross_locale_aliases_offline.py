"""Aliases of pages in another language go offline: they showed the source's content in the wrong language.

From now on ``roles.drafts`` keeps them from going live (wagtail-localize's locale synchronisation and
``copy_for_translation(copy_parents=True)`` made them live). Run ``manage.py search_check --fix`` after
this migration if any were taken offline, so the search index forgets them.
"""

from django.db import migrations
from django.db.models import F


def take_cross_locale_aliases_offline(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(alias_of__isnull=False, live=True).exclude(locale=F("alias_of__locale")).update(
        live=False, has_unpublished_changes=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0001_translators_per_language"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(take_cross_locale_aliases_offline, migrations.RunPython.noop)]
