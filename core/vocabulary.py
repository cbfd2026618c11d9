"""The shared vocabularies' seed: violation types and neighbourhoods in every content language."""

import json
import uuid
from pathlib import Path

from .i18n import ensure_locales

VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "vocabulary.json"


def seed_vocabulary(violation_type_model=None, neighbourhood_model=None, locale_model=None):
    """Create the violation types and neighbourhoods missing in any locale (idempotent).

    Existing terms are left as they are: editors may rename them, and every import and
    ``load_demo`` calls this. Takes model classes so the data migration can pass its
    historical models.
    """
    if violation_type_model is None:
        from .models import Neighbourhood as neighbourhood_model  # noqa: N813
        from .models import ViolationType as violation_type_model  # noqa: N813
    locales = ensure_locales(locale_model)
    data = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    for model, entries in (
        (violation_type_model, data["violation_types"]),
        (neighbourhood_model, data["neighbourhoods"]),
    ):
        for entry in entries:
            existing = model.objects.filter(slug=entry["slug"]).first()
            translation_key = existing.translation_key if existing else uuid.uuid4()
            for code, locale in locales.items():
                name = entry.get(code) or entry["en"]
                model.objects.get_or_create(
                    slug=entry["slug"],
                    locale=locale,
                    defaults={"name": name, "translation_key": translation_key},
                )
