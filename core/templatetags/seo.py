"""What a search engine or a shared link sees of a public page: description, canonical URL, Open Graph
and Twitter-card tags, and the share links under a story or a campaign.

Everything here is built from fields the page itself shows to every visitor (title, SEO title,
search description, summary or introduction, the hero image and its alternative text), never from a
survivor's private record; the pages they describe are the ones the public may already see, and the
other languages named are the page's public translations only (``page_frame``).
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.share_card import card_version

from .page_frame import page_frame

register = template.Library()

DESCRIPTION_LENGTH = 200
#: Open Graph wants a territory with the language; the one readers of each language most often use.
OG_LOCALES = {"ar": "ar_AR", "en": "en_GB", "fr": "fr_FR"}
#: Public text fields, in order of preference, that summarise a page when it has no search description.
SUMMARY_FIELDS = ("search_description", "summary", "introduction", "mission")
ARTICLE_TYPES = ("storypage", "campaignpage")


def og_locale(language_code):
    return OG_LOCALES.get(language_code, f"{language_code}_{language_code.upper()}")


def _plain(text):
    return " ".join(str(text or "").split())


def page_description(page):
    for name in SUMMARY_FIELDS:
        text = _plain(getattr(page, name, ""))
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


@dataclass(frozen=True)
class SocialMeta:
    title: str
    description: str
    canonical: str
    type: str
    locale: str
    alternate_locales: list
    image: str
    image_alt: str
    image_width: int | None
    image_height: int | None
    site_name: str


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def social_meta_for(context, image=None, image_alt=""):
    """The :class:`SocialMeta` of the page (or view) being rendered; ``image`` is a hero rendition, if any."""
    request = context.get("request")
    page = _current_page(context)
    language = get_language()
    frame = page_frame(request, page)
    if page is not None and getattr(frame.versions.get(language), "pk", None) != page.pk:
        # Not the public version of this page (an admin preview of a draft, say): describe the site only.
        page = None
    home = frame.homes.get(language)
    site_name = _("Munasara")
    if page is not None:
        title = _plain(page.seo_title or page.title)
        description = page_description(page)
        canonical = _absolute(request, page.get_url(request=request))
        kind = "article" if page.specific_class.__name__.lower() in ARTICLE_TYPES else "website"
        others = [code for code in frame.versions if code != language]
        card_page = page
    else:
        # A view that is no page (search): named by the view, described by the home page.
        match = getattr(request, "resolver_match", None)
        title = _("Search") if match is not None and match.url_name == "search" else site_name
        description = ""
        # Only a view's plain address is canonical: not an error page's (no page found where Wagtail serves
        # pages), nor one carrying a token or an id.
        plain_view = match is not None and match.url_name != "wagtail_serve" and not match.args and not match.kwargs
        canonical = _absolute(request, request.path) if plain_view else ""
        kind = "website"
        others = [code for code, _name in settings.LANGUAGES if code != language]
        card_page = home
    if not description and home is not None:
        description = page_description(home)
    if not description:
        description = _("International Advocacy Unit – Community Action Center")
    if image is not None:
        image_url, width, height = _absolute(request, image.url), image.width, image.height
        # As the page shows it: its own alternative text, else the image's title.
        image_alt = _plain(image_alt) or _plain(getattr(getattr(image, "image", None), "title", "")) or title
    elif card_page is not None:
        path = reverse("share_card", kwargs={"pk": card_page.pk})
        image_url = _absolute(request, f"{path}?v={card_version(card_page.title, language)}")
        width, height = 1200, 630
        image_alt = _plain(card_page.title)
    else:
        image_url, width, height, image_alt = "", None, None, ""
    return SocialMeta(
        title=title,
        description=description,
        canonical=canonical,
        type=kind,
        locale=og_locale(language),
        alternate_locales=[og_locale(code) for code in others],
        image=image_url,
        image_alt=image_alt,
        image_width=width,
        image_height=height,
        site_name=site_name,
    )


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context, image=None, image_alt=""):
    """Description, canonical link, Open Graph and Twitter-card tags for the head of every public page."""
    return {"meta": social_meta_for(context, image=image, image_alt=image_alt)}


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, heading=None):
    """Plain links to share this page (no third-party script), and its address to copy."""
    request = context.get("request")
    page = _current_page(context)
    if page is None:
        return {"links": []}
    url = _absolute(request, page.get_url(request=request))
    title = _plain(page.title)
    links = [
        ("x", "X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ("telegram", "Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": title})),
        ("email", _("Email"), f"mailto:?subject={quote(title)}&body={quote(url)}"),
    ]
    return {"links": links, "url": url, "heading": heading or _("Share this page")}
