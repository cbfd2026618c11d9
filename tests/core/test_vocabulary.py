"""The shared vocabularies: seeded in every content language from core/data/vocabulary.json."""

import json

import pytest

from core.models import Neighbourhood, ViolationType
from core.vocabulary import VOCABULARY_FILE, seed_vocabulary

pytestmark = pytest.mark.django_db

SEED = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
MODELS = {"violation_types": ViolationType, "neighbourhoods": Neighbourhood}


def names_by_slug(model):
    """{slug: {language code: name}} as the database has it."""
    found = {}
    for term in model.objects.select_related("locale"):
        found.setdefault(term.slug, {})[term.locale.language_code] = term.name
    return found


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_term_exists_in_every_language_after_migrate(kind):
    expected = {entry["slug"]: {code: entry[code] for code in ("ar", "en", "fr")} for entry in SEED[kind]}

    assert names_by_slug(MODELS[kind]) == expected


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_the_translations_of_a_term_share_one_translation_key(kind):
    model = MODELS[kind]
    for entry in SEED[kind]:
        keys = set(model.objects.filter(slug=entry["slug"]).values_list("translation_key", flat=True))
        assert len(keys) == 1, f"{entry['slug']} has {len(keys)} translation keys"


def test_seeding_again_changes_nothing():
    before = {kind: names_by_slug(model) for kind, model in MODELS.items()}
    rows = {kind: set(model.objects.values_list("pk", "translation_key")) for kind, model in MODELS.items()}

    seed_vocabulary()

    assert {kind: names_by_slug(model) for kind, model in MODELS.items()} == before
    assert {kind: set(model.objects.values_list("pk", "translation_key")) for kind, model in MODELS.items()} == rows


def test_seeding_again_keeps_an_editors_rename_and_restores_a_deleted_term():
    renamed = Neighbourhood.objects.get(slug="silwan", locale__language_code="en")
    renamed.name = "Silwan (Wadi Hilweh)"
    renamed.save()
    deleted = ViolationType.objects.get(slug="home-demolition", locale__language_code="fr")
    deleted.delete()

    seed_vocabulary()

    assert Neighbourhood.objects.get(pk=renamed.pk).name == "Silwan (Wadi Hilweh)"
    restored = ViolationType.objects.get(slug="home-demolition", locale__language_code="fr")
    assert restored.name == next(e["fr"] for e in SEED["violation_types"] if e["slug"] == "home-demolition")
    assert restored.translation_key == deleted.translation_key
