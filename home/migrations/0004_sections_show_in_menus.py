"""The section pages under each home page (about, units, campaigns, stories) go in the menu.

The site's header and the API's ``navigation/`` list the pages with "show in menus" ticked; sites made
before this migration have the sections unticked. The latest revision is ticked too, so the next
publish from the admin keeps them in the menu.
"""

from django.db import migrations

SECTION_MODELS = [
    ("home", "aboutpage"),
    ("home", "unitindexpage"),
    ("campaigns", "campaignindexpage"),
    ("stories", "storyindexpage"),
]


def put_sections_in_menus(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = [
        content_type.pk
        for app_label, model in SECTION_MODELS
        for content_type in ContentType.objects.filter(app_label=app_label, model=model)
    ]
    sections = Page.objects.filter(depth=3, content_type__in=types, show_in_menus=False)
    for revision in Revision.objects.filter(pk__in=sections.exclude(latest_revision=None).values("latest_revision")):
        revision.content = {**revision.content, "show_in_menus": True}
        revision.save(update_fields=["content"])
    sections.update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_organisation_details"),
        ("campaigns", "0003_campaignpage_import_key"),
        ("stories", "0006_survivor_record_encrypted"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(put_sections_in_menus, migrations.RunPython.noop)]
