"""An archive's ``site_settings``: the site settings and the organisation's details in every language.

Contact and social links (``home.SiteSettings``) are the same in every language. The organisation's
name, description (``footer_text``) and address are ``home.OrganisationDetails``, one record per
language: the archive's own fields are the Arabic record, ``translations`` the others. The
translations are written through wagtail-localize, as a translator's work is (a translation source
for the Arabic record, one manual string translation per source string, the target record saved
from them), so the translation editor, "Sync translated pages" and the translations report see them.

Site settings are not pages: with or without ``--publish`` an import writes them and publishes the
organisation details at once, as it always wrote the site settings.
"""

from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from core.i18n import SOURCE_LANGUAGE, language_codes

from .records import text_fields
from .translation_check import TextsCheck
from .translations import TranslationMismatchError, store_string_translations

#: SiteSettings fields an archive carries (the organisation's texts are ``text_fields("organisation")``).
SETTINGS_FIELDS = ("contact_email", "phone", "facebook_url", "x_url")


def stored_source_texts():
    """The Arabic organisation details' texts as stored (empty when there is no Arabic record)."""
    from home.models import OrganisationDetails

    source = OrganisationDetails.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()
    return {name: getattr(source, name) for name in text_fields("organisation")} if source else {}


def write_site_settings(record, *, user=None):
    """Write a validated :class:`archive.records.SiteSettingsRecord`."""
    from home.models import SiteSettings

    if record.settings:
        site_settings = SiteSettings.load()
        for name, value in record.settings.items():
            setattr(site_settings, name, value)
        site_settings.full_clean()
        site_settings.save()
    source = _write_source(record.texts.get(SOURCE_LANGUAGE, {}), user)
    for code, texts in record.texts.items():
        if code != SOURCE_LANGUAGE:
            _write_translation(source, Locale.objects.get(language_code=code), texts, user)


def _write_source(texts, user):
    from home.models import OrganisationDetails

    details = OrganisationDetails.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()
    if not texts:
        return details
    if details is None:
        details = OrganisationDetails(locale=Locale.objects.get(language_code=SOURCE_LANGUAGE))
    elif details.live and all(getattr(details, name) == value for name, value in texts.items()):
        return details
    for name, value in texts.items():
        setattr(details, name, value)
    _publish(details, user)
    return details


def _write_translation(source, locale, texts, user):
    from home.models import OrganisationDetails

    check = TextsCheck(source, texts)
    if check.problems:
        raise TranslationMismatchError(check.problems)
    current = OrganisationDetails.objects.filter(locale=locale).first()
    if current is not None and current.translation_key != source.translation_key:
        # Written in that language apart from the Arabic record: from now on it is its translation.
        OrganisationDetails.objects.filter(pk=current.pk).update(translation_key=source.translation_key)
    translation_source, _created = TranslationSource.update_or_create_from_instance(source)
    store_string_translations(translation_source, locale, check, user)
    translation, _created = Translation.objects.get_or_create(source=translation_source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    unchanged = current is not None and all(
        getattr(current, name) == texts.get(name, "") for name in text_fields("organisation")
    )
    if unchanged and current.live:
        return
    # Saved as a draft by wagtail-localize, then published here, inside the import's transaction.
    translation.save_target(user=user, publish=False)
    translation.get_target_instance().latest_revision.publish(user=user)


def _publish(details, user):
    details.full_clean()
    if details.pk is None:
        details.live = False
        details.save()
    details.save_revision(user=user).publish(user=user)


def read_site_settings():
    """``(site_settings, left_out)``: the archive's ``site_settings`` as the public sees them (published
    organisation details), and what the format cannot carry, one line each."""
    from home.models import OrganisationDetails, SiteSettings

    site_settings = SiteSettings.load()
    data = {name: getattr(site_settings, name) for name in SETTINGS_FIELDS if getattr(site_settings, name)}
    records = {
        record.locale.language_code: record
        for record in OrganisationDetails.objects.filter(live=True).select_related("locale")
    }
    source = records.pop(SOURCE_LANGUAGE, None)
    if source is None:
        left_out = []
        if records:
            message = _("organisation details in %(languages)s left out: there are none in %(source)s to translate")
            left_out.append(
                "site_settings: " + message % {"languages": ", ".join(sorted(records)), "source": SOURCE_LANGUAGE}
            )
        return data, left_out
    data = _texts(source) | data
    translations = {code: _texts(records[code]) for code in language_codes() if code in records}
    if translations:
        data["translations"] = translations
    return data, []


def _texts(details):
    return {name: getattr(details, name) for name in text_fields("organisation") if getattr(details, name)}
