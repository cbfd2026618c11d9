"""Illustrations for the demo, drawn with Pillow when the demo is loaded.

They are abstract on purpose: soft colour fields and shapes, no people and no
places, so nothing in them can identify anyone. Each image has an Arabic title
(used to find it again on the next run) and an honest alternative text per
language, built from its palette.
"""

import io
import random

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
# Shapes are drawn on a small canvas, blurred and scaled up: soft edges at little cost.
SKETCH_SCALE = 5

# name: (top-left colour, bottom-right colour, shape colours, description per language)
PALETTES = {
    "olive": (
        (86, 107, 60),
        (214, 200, 150),
        [(240, 232, 200), (120, 140, 80), (60, 80, 50)],
        {"ar": "بدرجات الزيتوني والرملي", "en": "in olive and sand tones", "fr": "aux tons olive et sable"},
    ),
    "dusk": (
        (52, 48, 96),
        (222, 140, 110),
        [(250, 200, 150), (120, 90, 150), (40, 40, 80)],
        {
            "ar": "بألوان الغسق البنفسجية والبرتقالية",
            "en": "in violet and orange dusk colours",
            "fr": "aux couleurs violettes et orangées du crépuscule",
        },
    ),
    "stone": (
        (168, 150, 128),
        (238, 228, 210),
        [(200, 180, 150), (140, 120, 100), (250, 245, 235)],
        {
            "ar": "بلون الحجر المقدسي الفاتح",
            "en": "in the pale colours of Jerusalem stone",
            "fr": "aux couleurs claires de la pierre de Jérusalem",
        },
    ),
    "sea": (
        (24, 74, 96),
        (150, 204, 200),
        [(220, 240, 235), (40, 120, 140), (10, 50, 70)],
        {"ar": "بدرجات الأزرق والأخضر المائي", "en": "in blue and teal tones", "fr": "aux tons bleus et turquoise"},
    ),
    "ember": (
        (120, 36, 30),
        (240, 186, 96),
        [(255, 220, 150), (180, 70, 40), (90, 30, 30)],
        {"ar": "بدرجات الأحمر الداكن والذهبي", "en": "in deep red and gold tones", "fr": "aux tons rouge sombre et or"},
    ),
    "dawn": (
        (236, 196, 180),
        (150, 180, 214),
        [(255, 240, 225), (200, 150, 160), (110, 140, 190)],
        {
            "ar": "بألوان الفجر الوردية والزرقاء",
            "en": "in pink and blue dawn colours",
            "fr": "aux couleurs roses et bleues de l'aube",
        },
    ),
    "night": (
        (16, 24, 48),
        (70, 90, 130),
        [(230, 210, 150), (60, 80, 120), (30, 40, 70)],
        {
            "ar": "بألوان الليل الزرقاء الداكنة مع ضوء ذهبي",
            "en": "in dark night blues with a golden light",
            "fr": "aux bleus sombres de la nuit avec une lumière dorée",
        },
    ),
    "sage": (
        (120, 150, 130),
        (230, 226, 200),
        [(250, 250, 235), (90, 120, 100), (170, 190, 160)],
        {
            "ar": "بدرجات الأخضر الهادئ والعاجي",
            "en": "in soft sage and ivory tones",
            "fr": "aux tons vert sauge et ivoire",
        },
    ),
}

ALT_TEMPLATES = {
    "ar": "رسم تجريدي {palette}",
    "en": "Abstract illustration {palette}",
    "fr": "Illustration abstraite {palette}",
}

# key: (Arabic title, palette)
IMAGES = {
    "home": ("صورة الصفحة الرئيسية: أفق القدس", "stone"),
    "about": ("مركز العمل المجتمعي في البلدة القديمة", "olive"),
    "unit-international": ("وحدة المناصرة الدولية", "sea"),
    "unit-community": ("وحدة المناصرة المجتمعية", "sage"),
    "unit-legal": ("وحدة الخدمات القانونية", "dusk"),
    "campaign-demolitions": ("حملة: أوقفوا هدم المنازل", "ember"),
    "campaign-residency": ("حملة: الإقامة حق", "dawn"),
    "campaign-sheikh-jarrah": ("حملة: باقون في بيوتنا", "night"),
    "campaign-planning": ("حملة: تخطيط عادل للقدس الشرقية", "olive"),
    "story-al-bustan": ("قصة: بيت في البستان", "ember"),
    "story-sheikh-jarrah": ("قصة: مفاتيح الشيخ جراح", "night"),
    "story-old-city": ("قصة: عودة إلى البلدة القديمة", "stone"),
    "story-issawiya": ("قصة: ليالي العيسوية", "dusk"),
    "story-beit-hanina": ("قصة: الهدم الذاتي في بيت حنينا", "ember"),
    "story-shufat": ("قصة: الطريق إلى المدرسة من شعفاط", "dawn"),
    "story-jabal-al-mukabbir": ("قصة: أرض بلا رخصة في جبل المكبر", "olive"),
    "story-ras-al-amud": ("قصة: طفل بلا رقم في رأس العامود", "sea"),
    "story-at-tur": ("قصة: حديقة على أرض العائلة في الطور", "sage"),
    "story-wadi-al-joz": ("قصة: ورشة في وادي الجوز", "dusk"),
    "story-sur-baher": ("قصة: بنايات قرب الجدار في صور باهر", "night"),
    "story-beit-safafa": ("قصة: شارع يشق بيت صفافا", "stone"),
    "story-damascus-gate": ("قصة: مساء عند باب العامود", "night"),
    "story-silwan-cracks": ("قصة: شقوق في جدران سلوان", "stone"),
    "story-shufat-water": ("قصة: انقطاع المياه في مخيم شعفاط", "sea"),
    "detail-keys": ("تفصيل: مفاتيح معلقة على الجدار", "ember"),
    "detail-olive": ("تفصيل: شجرة زيتون في ساحة البيت", "sage"),
    "detail-papers": ("تفصيل: أوراق ومستندات على طاولة", "dawn"),
}


def alt_text(key, language):
    """Alternative text for the image ``key`` in ``language`` (falls back to English)."""
    palette = PALETTES[IMAGES[key][1]][3]
    template = ALT_TEMPLATES.get(language, ALT_TEMPLATES["en"])
    return template.format(palette=palette.get(language, palette["en"]))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw(key):
    """A 1600×900 JPEG for ``key`` as bytes; the same key always gives the same picture."""
    top, bottom, shapes, _description = PALETTES[IMAGES[key][1]]
    rng = random.Random(key)
    small_w, small_h = WIDTH // SKETCH_SCALE, HEIGHT // SKETCH_SCALE

    # Diagonal gradient: a horizontal and a vertical ramp blended together.
    ramp = PillowImage.linear_gradient("L").rotate(-90).resize((small_w, small_h))
    vertical = PillowImage.linear_gradient("L").resize((small_w, small_h))
    mask = PillowImage.blend(ramp, vertical, 0.5)
    canvas = PillowImage.composite(
        PillowImage.new("RGB", (small_w, small_h), bottom), PillowImage.new("RGB", (small_w, small_h), top), mask
    )

    blur = ImageFilter.GaussianBlur(small_h / 40)
    for _ in range(rng.randint(5, 9)):
        colour = _mix(rng.choice(shapes), rng.choice((top, bottom)), rng.uniform(0, 0.3))
        alpha = rng.randint(50, 130)
        x, y = rng.uniform(-0.1, 1.1) * small_w, rng.uniform(-0.1, 1.1) * small_h
        radius = rng.uniform(0.08, 0.35) * small_h
        # Each shape is a blurred mask through which a flat colour shows: soft edges, no dark fringe.
        mask = PillowImage.new("L", (small_w, small_h), 0)
        pen = ImageDraw.Draw(mask)
        if rng.random() < 0.7:
            pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=alpha)
        else:
            # A low, wide band like a hillside or a wall.
            pen.rounded_rectangle(
                (x - 3 * radius, y - radius / 3, x + 3 * radius, y + radius / 3), radius=radius / 3, fill=alpha
            )
        canvas = PillowImage.composite(PillowImage.new("RGB", (small_w, small_h), colour), canvas, mask.filter(blur))
    canvas = canvas.resize((WIDTH, HEIGHT), PillowImage.Resampling.BICUBIC)

    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def ensure_image(key):
    """The Wagtail image for ``key``, drawn and stored the first time (found again by its title)."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    image_model = get_image_model()
    title = IMAGES[key][0]
    image = image_model.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        return image
    image = image_model(title=title)
    image.file = ImageFile(io.BytesIO(draw(key)), name=f"demo-{key}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image
