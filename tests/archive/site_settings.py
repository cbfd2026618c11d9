"""The site settings and organisation details as the database holds them, in an archive's terms."""

from core.i18n import SOURCE_LANGUAGE
from home.models import OrganisationDetails, SiteSettings

TEXT_FIELDS = ("organisation_name", "footer_text", "address")


def stored_organisation_texts(language):
    """The published organisation details in ``language``, by archive field name."""
    details = OrganisationDetails.objects.get(locale__language_code=language, live=True)
    return {name: getattr(details, name) for name in TEXT_FIELDS}


def stored_site_settings():
    """Every field of an archive's ``site_settings`` (translations aside): the settings and the Arabic texts."""
    site_settings = SiteSettings.load()
    values = {name: getattr(site_settings, name) for name in ("contact_email", "phone", "facebook_url", "x_url")}
    return values | stored_organisation_texts(SOURCE_LANGUAGE)
