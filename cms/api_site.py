"""``GET /api/v2/site/?locale=…``: what a front end needs to frame every page of the site.

The site's name; the content languages with their own names, writing direction and home page
(when public); the contact details (home.SiteSettings, the same in every language); and the
organisation's name, description and address in the requested language, each with the language
it is actually written in, since a text missing in that language falls back to Arabic.
"""

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import get_language_info
from django.views.decorators.http import require_safe
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Site

from core.api_references import absolute_url
from core.i18n import language_codes
from core.visibility import public_pages
from home.models import SiteSettings
from home.organisation import OrganisationDetails

from .api_validation import check_known_parameters, locale_parameter

#: The organisation's texts by the key the answer gives them.
ORGANISATION_TEXTS = {"name": "organisation_name", "description": "footer_text", "address": "address"}


def json_answer(data, status=200):
    """Arabic stays readable in the answer (no ``\\uXXXX`` escapes)."""
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def requested_locale(request):
    """The ``locale`` parameter (the source language when absent); BadRequestError for any other parameter."""
    check_known_parameters(request.GET, {"locale"})
    return locale_parameter(request.GET)


def locale_view(view):
    """A GET/HEAD-only JSON view taking ``locale``: ``view(request, code)`` returns the answer's data."""

    @require_safe
    def wrapper(request):
        try:
            code = requested_locale(request)
        except BadRequestError as error:
            return json_answer({"message": str(error)}, status=400)
        return json_answer(view(request, code))

    wrapper.__name__ = wrapper.__qualname__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def home_pages(site):
    """``{language code: page}`` of the site root's public translations, in one query."""
    if site is None:
        return {}
    translations = public_pages(site.root_page.get_translations(inclusive=True)).select_related("locale")
    return {page.locale.language_code: page for page in translations}


def page_summary(request, page):
    return {
        "id": page.pk,
        "title": page.title,
        "url": absolute_url(request, page.get_url(request=request)),
        "detail_url": absolute_url(request, reverse("wagtailapi:pages:detail", args=[page.pk])),
    }


@locale_view
def api_site(request, code):
    """``GET /api/v2/site/?locale=en``."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    homes = home_pages(site)
    settings = SiteSettings.load(request_or_site=request)
    texts = OrganisationDetails.texts_for(code)
    return {
        "name": site.site_name if site else "",
        "locale": code,
        "locales": [
            {
                "code": language,
                "name": get_language_info(language)["name_local"],
                "direction": direction(language),
                "root": page_summary(request, homes[language]) if language in homes else None,
            }
            for language in language_codes()
        ],
        "contact": {"email": settings.contact_email, "phone": settings.phone},
        "organisation": {
            key: {"text": texts[field].text, "language": texts[field].language} if field in texts else None
            for key, field in ORGANISATION_TEXTS.items()
        },
    }
