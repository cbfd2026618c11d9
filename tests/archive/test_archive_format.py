"""The archive format: ``archive/schema.json`` and the checks only the database and the other records allow.

Every problem is reported by record and field, all at once, and nothing is written.
"""

import copy
import json

import pytest
from django.core.management import CommandError
from jsonschema import Draft202012Validator, FormatChecker
from wagtail.images import get_image_model
from wagtail.models import Page

from archive.format import SCHEMA_FILE, ArchiveError
from archive.validation import validate

from .conftest import ARCHIVE, ARCHIVE_V1, record, run_import

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages", "media")]


def campaign(data):
    return data["campaigns"][0]


def refused(write_archive, data):
    """The problems import_archive lists for ``data``, after checking that it wrote nothing."""
    pages = Page.objects.count()
    with pytest.raises(CommandError) as error:
        run_import(write_archive(data), "--publish")
    assert Page.objects.count() == pages and not get_image_model().objects.exists()
    lines = str(error.value).splitlines()
    assert lines[0].startswith("Nothing was imported; fix these problems in ")
    return [line.strip() for line in lines[1:]]


def test_the_schema_is_valid_and_describes_the_test_archives():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for path in (ARCHIVE, ARCHIVE_V1):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], path
    broken = json.loads(ARCHIVE.read_text(encoding="utf-8"))
    broken["stories"][0]["body"][0] = {"type": "video"}
    assert [error.validator for error in validator.iter_errors(broken)] == ["enum"]


@pytest.mark.smoke
def test_blocks_images_and_references_are_checked(archive, write_archive):
    data = copy.deepcopy(archive)
    story = record(data, "story-001")
    story["body"][0] = {"type": "video", "url": "https://example.org"}
    story["translations"]["en"]["body"][0] = {"type": "video", "url": "https://example.org"}
    story["translations"]["fr"]["body"][0] = {"type": "video", "url": "https://example.org"}
    story["image"] = "sunset"
    for texts in (data["home"], *data["home"]["translations"].values()):
        texts["body"][2]["page"] = "story-002"  # which has no French text
    for texts in (record(data, "story-003"), record(data, "story-003")["translations"]["en"]):
        texts["body"][1]["html"] = texts["body"][1]["html"].replace("story-001", "story-404")
    data["images"].append({"key": "olive-field", "file": "images/missing.png", "title": "?"})
    data["about"]["body"][1] = {"type": "heading", "level": "h7"}

    problems = refused(write_archive, data)

    assert problems == [
        "olive-field: key: duplicate image key (also used by images[0])",
        "olive-field: file: 'images/missing.png' not found next to the archive",
        "home: translations.fr.body[2].page: page 'story-002' has no fr version",
        "about: body[1].level: 'h7' is not one of h2, h3, h4",
        "about: body[1].text: missing",
        "story-001: body[0].type: 'video' is not one of paragraph, list, rich_text, heading, quote, image, "
        "call_to_action, embed",
        "story-001: translations.en.body[0].type: 'video' is not one of paragraph, list, rich_text, heading, quote, "
        "image, call_to_action, embed",
        "story-001: translations.fr.body[0].type: 'video' is not one of paragraph, list, rich_text, heading, quote, "
        "image, call_to_action, embed",
        "story-001: image: unknown image 'sunset' (not in \"images\")",
        "story-003: body[1].html: unknown page 'story-404' (not a record key nor one of home, about, units, "
        "campaigns, stories)",
        "story-003: translations.en.body[1].html: unknown page 'story-404' (not a record key nor one of home, about, "
        "units, campaigns, stories)",
    ]


def test_translations_must_mirror_their_source(archive, write_archive):
    data = copy.deepcopy(archive)
    english = record(data, "story-001")["translations"]["en"]
    english["body"].pop()
    french = record(data, "story-001")["translations"]["fr"]
    french["body"][0] = {"type": "paragraph", "text": "Avant la démolition"}
    french["body"][4]["items"].pop()
    french["body"][3]["image"] = "olive-field"
    del campaign(data)["translations"]["en"]["image_alt"]
    campaign(data)["translations"]["fr"]["body"][1]["page"] = "story-003"
    unit = data["units"][0]
    unit["translations"]["en"]["how_we_work"][0]["html"] = "<p>We work through our campaigns.</p>"
    del unit["mission"]

    problems = refused(write_archive, data)

    assert problems == [
        "unit-001: translations.en.mission: the source text has none to translate",
        'unit-001: translations.en.how_we_work[0].html: links to pages [] but the source links to ["campaign-001"]',
        "campaign-001: translations.en.image_alt: missing (the source text has it)",
        "campaign-001: translations.fr.body[1].page: 'story-003' differs from the source's 'story-001'",
        "campaign-001: translations.fr.body[1].page: page 'story-003' has no fr version",
        "story-001: translations.en.body: has 5 blocks but the source has 6 (a translation mirrors its source block "
        "by block)",
        "story-001: translations.fr.body[0]: is a paragraph block where the source has a heading block",
        "story-001: translations.fr.body[3].image: 'olive-field' differs from the source's 'stone-wall'",
        "story-001: translations.fr.body[4].items: has 2 items but the source has 3",
    ]


def test_keys_vocabulary_and_facts_are_checked(archive, write_archive):
    data = copy.deepcopy(archive)
    data["units"][0]["key"] = "home"
    data["stories"].append({**copy.deepcopy(record(archive, "story-006")), "key": "campaign-001"})
    campaign(data)["audiences"].append("aliens")
    campaign(data)["related_stories"].append("story-404")
    campaign(data)["end_date"] = "2023-12-31"
    campaign(data)["call_to_action_url"] = "not a link"
    record(data, "story-007")["violation_types"] = ["desecration-of-holy-sites", "desecration-of-holy-sites"]
    record(data, "story-002")["translations"]["en"]["slug"] = "a-home-in-silwan"
    data["site_settings"]["contact_email"] = "nobody"
    data["sections"]["units"]["colour"] = "red"
    data["storeis"] = []

    problems = refused(write_archive, data)

    assert problems == [
        "site_settings: contact_email: Enter a valid email address.",
        "sections: units.colour: unknown field (expected one of title, introduction, translations)",
        "home: key: 'home' is the name of a fixed page; choose another key",
        "campaign-001: audiences[3]: 'aliens' is not one of third-party-governments, eu, un, ngos, media, public",
        "campaign-001: related_stories[3]: unknown story 'story-404'",
        "campaign-001: end_date: is before the start date",
        "campaign-001: call_to_action_url: Enter a valid URL.",
        "story-002: translations.en.slug: 'a-home-in-silwan' is also the slug of story-001 in en",
        "story-007: violation_types: lists 'desecration-of-holy-sites' more than once",
        "campaign-001: key: duplicate key (also used by campaigns[0])",
        "storeis: not a section of the archive format",
    ]


def test_a_vocabulary_term_missing_in_one_language_is_named(site_structure, archive):
    from core.models import Neighbourhood

    Neighbourhood.objects.filter(slug="silwan", locale__language_code="fr").delete()

    with pytest.raises(ArchiveError) as error:
        validate(archive, ARCHIVE.parent)
    assert error.value.errors == ["story-001: neighbourhood: slug 'silwan' has no term in fr"]


def test_version_1_files_hold_stories_only(archive, write_archive):
    data = json.loads(ARCHIVE_V1.read_text(encoding="utf-8"))
    data["home"] = archive["home"]

    assert refused(write_archive, data) == ['home: only in version 2 archives (add "version": 2)']
    assert refused(write_archive, {**archive, "version": 3}) == ["version: 3 is not one of 1, 2"]
