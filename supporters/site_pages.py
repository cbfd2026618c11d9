"""The mailing list page and the privacy page under every language's home page, made by the site set-up.

``archive.site.ensure_site_structure`` calls :func:`ensure_supporter_pages` once the home pages exist
(like monitoring's sections); safe to call again, and it never overwrites what editors changed.
"""

from django.utils import translation
from wagtail.rich_text import RichText

from core.i18n import SOURCE_LANGUAGE, page_translation, translate_page

from .pages import MailingListPage, PrivacyPage
from .privacy import privacy_body, privacy_sections

MAILING_LIST_TITLES = {
    "ar": ("انضمّ إلى قائمتنا البريدية", "join"),
    "en": ("Join our mailing list", "join"),
    "fr": ("Rejoignez notre liste de diffusion", "join"),
}
MAILING_LIST_INTRODUCTIONS = {
    "ar": "أخبار حملاتنا وأفعال يمكنك القيام بها لمناصرة الناجين، بضع مرات في الشهر.",
    "en": "News of our campaigns and actions you can take in support of survivors, a few times a month.",
    "fr": "Des nouvelles de nos campagnes et des actions à mener en soutien aux survivants, quelques fois par mois.",
}
PRIVACY_SLUG = "privacy"


def _privacy_fields(code):
    title, introduction, _sections = privacy_sections(code)
    body = [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in privacy_body(code)]
    return {"title": title, "slug": PRIVACY_SLUG, "introduction": introduction, "body": body}


def _mailing_list_fields(code):
    title, slug = MAILING_LIST_TITLES[code]
    return {"title": title, "slug": slug, "introduction": MAILING_LIST_INTRODUCTIONS[code]}


PAGES = {"mailing_list": (MailingListPage, _mailing_list_fields), "privacy": (PrivacyPage, _privacy_fields)}


def ensure_supporter_pages(homes, locales):
    """``homes`` and ``locales`` by language code; returns ``{"mailing_list": {code: page}, "privacy": {...}}``."""
    home = homes[SOURCE_LANGUAGE]
    structure = {}
    for key, (model, fields) in PAGES.items():
        source = model.objects.child_of(home).first()
        if source is None:
            with translation.override(SOURCE_LANGUAGE):
                source = model(locale=locales[SOURCE_LANGUAGE], **fields(SOURCE_LANGUAGE))
            home.add_child(instance=source)
            source.save_revision().publish()
        structure[key] = {SOURCE_LANGUAGE: source}
        for code, locale in locales.items():
            if code == SOURCE_LANGUAGE:
                continue
            page = page_translation(source, locale)
            if page is None:
                with translation.override(code):
                    page = translate_page(source, locale, **fields(code))
                page.save_revision().publish()
            structure[key][code] = page.specific
    return structure
