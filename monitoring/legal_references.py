"""The legal references every site starts with, in every content language (idempotent).

Seeded after ``migrate`` (see apps.py) and by the archive import. A reference already present (matched
by instrument and article in the source language) is left as editors made it; a missing translation is
added.
"""

import json
import uuid
from pathlib import Path

from core.i18n import SOURCE_LANGUAGE, ensure_locales

LEGAL_REFERENCES_FILE = Path(__file__).resolve().parent / "data" / "legal_references.json"


def seed_legal_references():
    """Create the seeded legal references missing in any locale; return the source-language ones by key."""
    from .incidents import LegalReference

    locales = ensure_locales()
    entries = json.loads(LEGAL_REFERENCES_FILE.read_text(encoding="utf-8"))["legal_references"]
    seeded = {}
    for entry in entries:
        source_texts = entry[SOURCE_LANGUAGE]
        source = LegalReference.objects.filter(
            locale=locales[SOURCE_LANGUAGE], instrument=source_texts["instrument"], article=entry["article"]
        ).first()
        if source is None:
            source = LegalReference.objects.create(
                locale=locales[SOURCE_LANGUAGE], article=entry["article"], translation_key=uuid.uuid4(), **source_texts
            )
        seeded[entry["key"]] = source
        for code, locale in locales.items():
            if code == SOURCE_LANGUAGE or code not in entry:
                continue
            LegalReference.objects.get_or_create(
                translation_key=source.translation_key,
                locale=locale,
                defaults={"article": entry["article"], **entry[code]},
            )
    return seeded


def seed_after_migrate(sender, app_config=None, using=None, **kwargs):
    """post_migrate handler: seed once the monitoring app's tables exist."""
    if app_config is None or app_config.label != "monitoring" or using not in (None, "default"):
        return
    seed_legal_references()
