"""Titles and slugs of the fixed pages every Munasara site has, per language."""

SITE_TITLES = {
    "ar": "مناصرة",
    "en": "Munasara",
    "fr": "Munasara",
}

SECTION_TITLES = {
    "about": {
        "ar": {"title": "عن المركز", "slug": "about"},
        "en": {"title": "About the Center", "slug": "about"},
        "fr": {"title": "À propos du Centre", "slug": "about"},
    },
    "units": {
        "ar": {"title": "وحدات المركز", "slug": "units"},
        "en": {"title": "Our units", "slug": "units"},
        "fr": {"title": "Nos unités", "slug": "units"},
    },
    "campaigns": {
        "ar": {"title": "الحملات", "slug": "campaigns"},
        "en": {"title": "Campaigns", "slug": "campaigns"},
        "fr": {"title": "Campagnes", "slug": "campaigns"},
    },
    "stories": {
        "ar": {"title": "قصص", "slug": "stories"},
        "en": {"title": "Stories", "slug": "stories"},
        "fr": {"title": "Témoignages", "slug": "stories"},
    },
}
