import uuid

import django.db.models.deletion
from django.db import migrations, models

from core.i18n import SOURCE_LANGUAGE

TEXT_FIELDS = ("organisation_name", "footer_text", "address")


def move_texts_into_organisation_details(apps, schema_editor):
    """The site settings' texts (in Arabic, the only language they had) become the Arabic organisation details."""
    SiteSettings = apps.get_model("home", "SiteSettings")
    OrganisationDetails = apps.get_model("home", "OrganisationDetails")
    Locale = apps.get_model("wagtailcore", "Locale")
    site_settings = SiteSettings.objects.order_by("pk").first()  # what SiteSettings.load() read
    if site_settings is None:
        return
    texts = {name: getattr(site_settings, name) for name in TEXT_FIELDS}
    if not any(texts.values()):
        return
    locale, _created = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
    OrganisationDetails.objects.create(locale=locale, translation_key=uuid.uuid4(), live=True, **texts)


def move_texts_back_into_site_settings(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    OrganisationDetails = apps.get_model("home", "OrganisationDetails")
    details = (
        OrganisationDetails.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()
        or OrganisationDetails.objects.order_by("pk").first()
    )
    if details is None:
        return
    site_settings = SiteSettings.objects.order_by("pk").first() or SiteSettings()
    for name in TEXT_FIELDS:
        setattr(site_settings, name, getattr(details, name))
    site_settings.save()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_unitpage_import_key"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="OrganisationDetails",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
                ),
                (
                    "last_published_at",
                    models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
                ),
                ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                ("organisation_name", models.CharField(max_length=255, verbose_name="organisation name")),
                (
                    "footer_text",
                    models.TextField(
                        blank=True,
                        help_text="A sentence or two about the organisation, shown in the footer.",
                        verbose_name="description",
                    ),
                ),
                ("address", models.CharField(blank=True, max_length=255, verbose_name="address")),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "organisation details",
                "verbose_name_plural": "organisation details",
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(fields=("locale",), name="home_organisation_details_one_per_locale")
                ],
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(move_texts_into_organisation_details, move_texts_back_into_site_settings),
        migrations.RemoveField(model_name="sitesettings", name="address"),
        migrations.RemoveField(model_name="sitesettings", name="footer_text"),
        migrations.RemoveField(model_name="sitesettings", name="organisation_name"),
    ]
