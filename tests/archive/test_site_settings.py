"""An archive's ``site_settings``: contact and links, and the organisation's details in every language."""

import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, Translation

from home.models import OrganisationDetails, SiteSettings
from tests.markup import parse

from .conftest import run_import
from .site_settings import stored_organisation_texts, stored_site_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages", "media")]

SITE_SETTINGS = {
    "organisation_name": "مركز العمل المجتمعي – جامعة القدس",
    "contact_email": "info@example.org",
    "phone": "+970 2 627 0000",
    "address": "البلدة القديمة، القدس",
    "footer_text": "وحدة المناصرة الدولية – مركز العمل المجتمعي، جامعة القدس.",
    "translations": {
        "en": {
            "organisation_name": "Community Action Center – Al-Quds University",
            "address": "Old City, Jerusalem",
            "footer_text": "International Advocacy Unit – Community Action Center, Al-Quds University.",
        },
        "fr": {
            "organisation_name": "Centre d'action communautaire – Université Al-Quds",
            "address": "Vieille ville, Jérusalem",
            "footer_text": "Unité de plaidoyer international – Centre d'action communautaire, Université Al-Quds.",
        },
    },
}


def archive_with(site_settings):
    return {"format": "munasara-archive", "version": 2, "site_settings": copy.deepcopy(site_settings)}


def refused(write_archive, data):
    """The problems import_archive lists for ``data``, after checking that it wrote nothing."""
    with pytest.raises(CommandError) as error:
        run_import(write_archive(data))
    assert not OrganisationDetails.objects.exists() and not SiteSettings.objects.exclude(contact_email="").exists()
    return [line.strip() for line in str(error.value).splitlines()[1:]]


def run_export(folder):
    stdout, stderr = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("export_archive", str(folder), stdout=stdout, stderr=stderr)
    return json.loads((folder / "archive.json").read_text(encoding="utf-8")), stderr.getvalue()


def footer_name(client, language):
    heading = parse(client.get(f"/{language}/")).select_one("footer #footer-organisation")
    return heading.get_text(strip=True), heading.get("lang")


def test_the_organisation_details_are_written_in_every_language_as_wagtail_localize_translations(client, write_archive):
    output = run_import(write_archive(archive_with(SITE_SETTINGS)))

    assert "Site settings: updated" in output
    assert stored_site_settings() == {
        "contact_email": "info@example.org",
        "phone": "+970 2 627 0000",
        "facebook_url": "",
        "x_url": "",
        "organisation_name": SITE_SETTINGS["organisation_name"],
        "address": SITE_SETTINGS["address"],
        "footer_text": SITE_SETTINGS["footer_text"],
    }
    arabic = OrganisationDetails.objects.get(locale__language_code="ar")
    for code, texts in SITE_SETTINGS["translations"].items():
        assert stored_organisation_texts(code) == texts
        translation_ = Translation.objects.get(
            source__object_id=arabic.translation_key, target_locale__language_code=code
        )
        assert translation_.enabled and translation_.source.specific_content_type.model == "organisationdetails"
        written = StringTranslation.objects.filter(locale__language_code=code, translation_type="manual")
        assert sorted(written.values_list("data", flat=True)) == sorted(texts.values())
    for code, texts in (("ar", SITE_SETTINGS), *SITE_SETTINGS["translations"].items()):
        assert footer_name(client, code) == (texts["organisation_name"], None)


def test_importing_again_writes_nothing_new_and_a_changed_text_updates_its_language_only(write_archive):
    run_import(write_archive(archive_with(SITE_SETTINGS)))
    revisions = Revision.objects.count()

    run_import(write_archive(archive_with(SITE_SETTINGS)))
    assert Revision.objects.count() == revisions

    changed = copy.deepcopy(SITE_SETTINGS)
    changed["translations"]["en"]["address"] = "Old City of Jerusalem"
    run_import(write_archive(archive_with(changed)))

    assert stored_organisation_texts("en")["address"] == "Old City of Jerusalem"
    assert stored_organisation_texts("fr") == SITE_SETTINGS["translations"]["fr"]
    assert OrganisationDetails.objects.count() == 3


def test_an_archive_without_translations_keeps_the_arabic_texts_as_before(write_archive):
    """Version 2 files written before the organisation details had languages import as they did."""
    old_style = {name: value for name, value in SITE_SETTINGS.items() if name != "translations"}

    run_import(write_archive(archive_with(old_style)))

    assert stored_site_settings()["organisation_name"] == SITE_SETTINGS["organisation_name"]
    assert list(OrganisationDetails.objects.values_list("locale__language_code", flat=True)) == ["ar"]


def test_translations_that_do_not_mirror_the_arabic_texts_are_refused_all_at_once(write_archive):
    data = copy.deepcopy(SITE_SETTINGS)
    del data["footer_text"]
    del data["translations"]["en"]["address"]  # the Arabic has an address
    data["translations"]["fr"]["telephone"] = "+33 1 00 00 00 00"
    data["translations"]["de"] = {"organisation_name": "Zentrum für Gemeinschaftsarbeit"}
    data["translations"]["ar"] = {"organisation_name": "مركز"}

    assert refused(write_archive, archive_with(data)) == [
        "site_settings: translations.fr.telephone: unknown field (expected one of organisation_name, footer_text, "
        "address)",
        "site_settings: translations.en.footer_text: the source text has none to translate",
        "site_settings: translations.en.address: missing (the source text has it)",
        "site_settings: translations.fr.footer_text: the source text has none to translate",
        "site_settings: translations.de: unknown locale 'de' (expected one of ar, en, fr)",
        "site_settings: translations.ar: is the site settings' own language; put that text in site_settings itself",
    ]


def test_new_organisation_details_need_a_name(write_archive):
    assert refused(write_archive, archive_with({"address": "البلدة القديمة، القدس"})) == [
        "site_settings: organisation_name: missing (the organisation details need a name)"
    ]


def test_export_carries_the_details_in_every_language_and_an_import_brings_them_back(write_archive, tmp_path):
    run_import(write_archive(archive_with(SITE_SETTINGS)))
    # A translation waiting for review is not what the public sees: it is not exported.
    french = OrganisationDetails.objects.get(locale__language_code="fr")
    french.organisation_name = "Brouillon en attente de relecture"
    french.save_revision()

    exported, warnings = run_export(tmp_path / "export")

    assert warnings == ""
    assert exported["site_settings"] == SITE_SETTINGS
    OrganisationDetails.objects.all().delete()
    SiteSettings.objects.all().delete()
    run_import(tmp_path / "export" / "archive.json")
    assert stored_site_settings()["organisation_name"] == SITE_SETTINGS["organisation_name"]
    for code, texts in SITE_SETTINGS["translations"].items():
        assert stored_organisation_texts(code) == texts


def test_export_names_details_it_cannot_carry(write_archive, tmp_path):
    run_import(write_archive(archive_with(SITE_SETTINGS)))
    OrganisationDetails.objects.filter(locale__language_code="ar").delete()

    exported, warnings = run_export(tmp_path / "export")

    assert "organisation_name" not in exported["site_settings"] and "translations" not in exported["site_settings"]
    assert "site_settings: organisation details in en, fr left out: there are none in ar to translate" in warnings
