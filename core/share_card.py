"""The picture a shared link shows for a page without its own hero image: its title on a card.

A 1200×630 PNG in the site's colours: the logo's tatreez mark and the site's name, the page's title
(Arabic shaped by Pillow's Raqm layout, so letters join and run right to left; where Pillow has no
Raqm, Arabic text is left out rather than drawn broken), and a band of the same cross-stitch motif.
Rendered from the page's public title only, and served only for a page the public may see
(``share_card_view``); a page that is withdrawn stops answering at once.
"""

import hashlib
import re
from functools import cache
from io import BytesIO

from django.contrib.staticfiles import finders
from django.core.cache import cache as django_cache
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont, features
from wagtail.models import Page

from .visibility import public_pages

WIDTH, HEIGHT = 1200, 630
PADDING = 72
MARK_SIZE = 88
DARK = (0x14, 0x3B, 0x31)
GREEN = (0x1D, 0x54, 0x46)
CREAM = (0xF3, 0xD9, 0xA4)
RUST = (0xE0, 0x84, 0x5A)
WHITE = (0xFF, 0xFF, 0xFF)

# The logo's cross-stitch diamond (cms/static/img/logo-mark.svg): X cream, O rust.
MOTIF = (
    "....X....",
    "...XOX...",
    "..XO.OX..",
    ".XO.X.OX.",
    "XO.XOX.OX",
    ".XO.X.OX.",
    "..XO.OX..",
    "...XOX...",
    "....X....",
)
# Noto Naskh Arabic bold with its Latin subset merged in (digits and Latin words inside Arabic titles).
ARABIC_FONT = "fonts/noto-naskh-arabic-share-card-700.woff2"
LATIN_FONT = "fonts/noto-sans-latin-700-normal.woff2"
ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
CACHE_SECONDS = 24 * 3600
MAX_LINES = 3


@cache
def _font_path(name):
    path = finders.find(name)
    if path is None:
        raise FileNotFoundError(f"share card font {name!r} is missing from the static files")
    return path


def can_shape():
    """Whether Pillow has Raqm (it needs the system's FriBiDi) to join Arabic letters and order them right to left."""
    return features.check("raqm")


def _font(name, size):
    engine = ImageFont.Layout.RAQM if can_shape() else ImageFont.Layout.BASIC
    return ImageFont.truetype(_font_path(name), size, layout_engine=engine)


def _layout(direction):
    # Only Raqm takes a direction; the basic layout draws left to right, which is right for Latin only.
    return {"direction": direction} if can_shape() else {}


def _drawable(text):
    """Arabic without Raqm would come out as separate letters in the wrong order: such text is left out."""
    return can_shape() or not ARABIC_LETTERS.search(text)


def _draw_motif(draw, x, y, cell):
    for row, line in enumerate(MOTIF):
        for column, stitch in enumerate(line):
            if stitch != ".":
                left, top = x + column * cell, y + row * cell
                draw.rectangle((left, top, left + cell - 1, top + cell - 1), fill=CREAM if stitch == "X" else RUST)


def _draw_mark(draw, x, y, size):
    draw.rounded_rectangle((x, y, x + size, y + size), radius=int(size * 0.18), fill=GREEN)
    _draw_motif(draw, x + size // 11, y + size // 11, size // 11)


def _wrap(text, font, width, direction):
    """Lines of ``text`` no wider than ``width``; at most MAX_LINES, the last one ending in an ellipsis if cut."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate, **_layout(direction)) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > MAX_LINES:
        last = lines[MAX_LINES - 1]
        while last and font.getlength(f"{last} …", **_layout(direction)) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = lines[: MAX_LINES - 1] + [f"{last} …"]
    return lines


def render_card(title, language_code):
    """The card for ``title`` in ``language_code`` as PNG bytes."""
    rtl = get_language_info(language_code)["bidi"]
    direction = "rtl" if rtl else "ltr"
    title_font_name = ARABIC_FONT if rtl or ARABIC_LETTERS.search(title) else LATIN_FONT
    image = Image.new("RGB", (WIDTH, HEIGHT), DARK)
    draw = ImageDraw.Draw(image)

    # A band of the motif along the bottom edge.
    band_top = HEIGHT - 112
    draw.rectangle((0, band_top, WIDTH, HEIGHT), fill=GREEN)
    cell = 8
    step = len(MOTIF[0]) * cell + 24
    for x in range(-step // 2, WIDTH + step, step):
        _draw_motif(draw, x, band_top + (112 - len(MOTIF) * cell) // 2, cell)

    # The mark and the site's name at the inline start.
    mark_x = WIDTH - PADDING - MARK_SIZE if rtl else PADDING
    _draw_mark(draw, mark_x, PADDING, MARK_SIZE)
    with override(language_code):
        site_name = _("Munasara")
    if not _drawable(site_name):
        with override("en"):
            site_name = _("Munasara")
    name_font = _font(ARABIC_FONT if ARABIC_LETTERS.search(site_name) else LATIN_FONT, 44)
    name_x = mark_x - 28 if rtl else mark_x + MARK_SIZE + 28
    draw.text(
        (name_x, PADDING + MARK_SIZE // 2),
        site_name,
        font=name_font,
        fill=CREAM,
        anchor="rm" if rtl else "lm",
        **_layout(direction),
    )

    # The title, as large as fits in three lines (a card without it when it cannot be drawn properly).
    if _drawable(title):
        _draw_title(draw, title, title_font_name, rtl, direction, band_top)

    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _draw_title(draw, title, title_font_name, rtl, direction, band_top):
    area_top, area_bottom = PADDING + MARK_SIZE + 24, band_top - 40
    width = WIDTH - 2 * PADDING
    for size in (68, 60, 52, 46):
        font = _font(title_font_name, size)
        lines = _wrap(title, font, width, direction)
        line_height = int(size * (1.6 if title_font_name == ARABIC_FONT else 1.3))
        if len(lines) * line_height <= area_bottom - area_top and not lines[-1].endswith("…"):
            break
    top = area_top + (area_bottom - area_top - len(lines) * line_height) // 2
    x = WIDTH - PADDING if rtl else PADDING
    for index, line in enumerate(lines):
        y = top + index * line_height + line_height // 2
        draw.text((x, y), line, font=font, fill=WHITE, anchor="rm" if rtl else "lm", **_layout(direction))


def card_version(title, language_code):
    """A short digest of what the card shows: part of its URL, so a new title is a new picture for crawlers."""
    return hashlib.sha256(f"{title}\n{language_code}".encode()).hexdigest()[:10]


def share_card_view(request, pk):
    """``/share-card/<pk>.png``: the card of a page the public may see, 404 for any other."""
    page = public_pages(Page.objects.filter(pk=pk)).select_related("locale").first()
    if page is None:
        raise Http404("No public page has this id.")
    language_code = page.locale.language_code
    key = f"share-card:{page.pk}:{card_version(page.title, language_code)}"
    png = django_cache.get(key)
    if png is None:
        png = render_card(page.title, language_code)
        django_cache.set(key, png, CACHE_SECONDS)
    response = HttpResponse(png, content_type="image/png")
    # Short-lived in shared caches: a withdrawn page's card must not outlive it for long.
    patch_cache_control(response, public=True, max_age=300)
    return response
