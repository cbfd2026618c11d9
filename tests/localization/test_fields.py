"""Item 2: what a translator translates and what stays the source's, per page type and snippet."""

import datetime
import json

import pytest
from django.urls import reverse
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from core.models import Neighbourhood, ViolationType
from stories.models import ConsentEvent, StoryPage, SurvivorRecord
from stories.services import record_consent
from tests.factories import fresh, locale, publish

from .conftest import PAGE_KINDS, make_image, target, translate

pytestmark = pytest.mark.django_db

PAGE_TEXT = {"title", "slug", "seo_title", "search_description"}
#: The fields whose text a translator sees, per page type.
TRANSLATED = {
    "home": PAGE_TEXT | {"hero_image_alt", "introduction", "body"},
    "about": PAGE_TEXT | {"introduction", "body"},
    "units": PAGE_TEXT | {"introduction"},
    "unit": PAGE_TEXT | {"summary", "mission", "founded_reason", "goals", "how_we_work"},
    "campaigns": PAGE_TEXT | {"introduction"},
    "campaign": PAGE_TEXT | {"hero_image_alt", "summary", "the_ask", "call_to_action_label", "body"},
    "stories": PAGE_TEXT | {"introduction"},
    "story": PAGE_TEXT | {"hero_image_alt", "summary", "body"},
}
#: The values a translation may replace with its own (outside streams, whose images and links are overridable).
OVERRIDABLE = {"home": {"hero_image"}, "campaign": {"hero_image", "call_to_action_url"}, "story": {"hero_image"}}
#: The facts copied from the source on every sync, never offered to the translator.
SYNCHRONISED = {
    "about": {"founded_year"},
    "unit": {"founded_year", "import_key"},
    "campaign": {"status", "start_date", "end_date", "audience_links", "related_story_links", "import_key"},
    "story": {"date", "neighbourhood", "violation_type_links", "import_key"},
}
STREAMS = {"home": "body", "about": "body", "unit": "founded_reason", "campaign": "body", "story": "body"}


def top_level(paths):
    return {path.split(".")[0] for path in paths}


def segments_of(source, model):
    return model.objects.filter(source=source).select_related("context")


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_text_is_offered_for_translation_and_facts_are_not(kind, pages):
    source, _created = TranslationSource.update_or_create_from_instance(pages[kind])

    strings = top_level(segment.context.path for segment in segments_of(source, StringSegment))
    assert strings == TRANSLATED[kind]
    overridables = top_level(segment.context.path for segment in segments_of(source, OverridableSegment))
    assert overridables - {STREAMS.get(kind)} == OVERRIDABLE.get(kind, set())
    if kind in STREAMS:  # the stream's image, page link and web link may differ in a translation
        stream_overridables = {
            segment.context.path.split(".")[-1]
            for segment in segments_of(source, OverridableSegment)
            if segment.context.path.startswith(STREAMS[kind] + ".")
        }
        assert {"image", "page"} <= stream_overridables
    offered = strings | overridables | top_level(s.context.path for s in segments_of(source, RelatedObjectSegment))
    assert not offered & (SYNCHRONISED.get(kind, set()) | {"show_in_menus"})


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_a_translation_keeps_its_text_and_follows_the_source_facts(kind, pages):
    page = pages[kind]
    translation = translate(page, "en", publish_page=True)
    english = target(translation)
    assert english.title == f"[en] {page.title}"
    assert english.seo_title == f"[en] {page.seo_title}"
    assert english.locale == locale("en")

    # The source's facts change, and one text: after a sync, the translation has the new facts and keeps its text.
    changes = {
        "about": {"founded_year": 1991},
        "unit": {"founded_year": 2006},
        "campaign": {"status": "closed", "end_date": datetime.date(2025, 1, 31)},
        "story": {"date": datetime.date(2021, 3, 4)},
    }.get(kind, {})
    page = fresh(page)
    for name, value in {**changes, "search_description": "وصف جديد"}.items():
        setattr(page, name, value)
    publish(page)
    translation.source.update_from_db()
    translation.save_target(publish=False)

    english = target(translation).get_latest_revision_as_object()
    for name, value in changes.items():
        assert getattr(english, name) == value
    assert english.title == f"[en] {page.title}"
    assert english.search_description == "وصف جديد"  # not translated yet: the source's text until it is


def test_a_translated_story_keeps_the_source_taxonomy_and_links_in_its_own_language(pages):
    translate(pages["story"], "fr", publish_page=True)
    campaign = target(translate(pages["campaign"], "fr", publish_page=True))
    story = StoryPage.objects.get(translation_key=pages["story"].translation_key, locale=locale("fr"))

    assert story.date == pages["story"].date
    assert story.import_key == "story-silwan"
    assert story.neighbourhood.slug == "silwan" and story.neighbourhood.locale == locale("fr")
    assert [term.slug for term in story.violation_types] == ["home-demolition"]
    assert [link.audience for link in campaign.audience_links.all()] == ["eu", "un"]
    assert campaign.import_key == "campaign-demolitions"
    assert [linked.pk for linked in campaign.specific.related_stories] == [story.pk]


@pytest.mark.parametrize("kind", ["home", "campaign", "story"])
def test_a_translation_may_choose_its_own_hero_image(kind, pages, images, client, admin_user):
    french = translate(pages[kind], "fr")
    english = translate(pages[kind], "en")
    hero = OverridableSegment.objects.get(source=french.source, context__path="hero_image")

    client.force_login(admin_user)
    response = client.put(
        reverse("wagtail_localize:edit_override", args=[french.pk, hero.pk]),
        data=f"value={images['banner'].pk}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    french.save_target(publish=False)
    english.save_target(publish=False)

    assert target(french).hero_image == images["banner"]
    assert target(english).hero_image == pages[kind].hero_image  # the other language still follows the source

    other = make_image("صورة جديدة")
    source = fresh(pages[kind])
    source.hero_image = other
    publish(source)
    french.source.update_from_db()
    for translation in Translation.objects.filter(pk__in=[french.pk, english.pk]):
        translation.save_target(publish=False)
    assert target(french).hero_image == images["banner"]
    assert target(english).hero_image == other


def test_dates_cannot_be_overridden_in_a_translation(pages):
    source, _created = TranslationSource.update_or_create_from_instance(pages["story"])
    paths = {segment.context.path for segment in segments_of(source, OverridableSegment)}
    assert not paths & {"date", "neighbourhood", "violation_type_links", "import_key"}


def test_the_private_section_is_never_part_of_a_translation_source(pages, admin_user):
    story = pages["story"]
    SurvivorRecord.objects.create(
        story_translation_key=story.translation_key,
        survivor_name="سلمى صالح بشير",
        contact="+970 59 123 4567",
        notes="تسكن عند أختها في رأس العامود",
    )
    record_consent(
        story,
        status="granted",
        recorded_on=datetime.date(2020, 6, 2),
        method="written",
        note="وقّعت النموذج في مكتب المركز",
        actor=admin_user,
    )
    assert ConsentEvent.objects.filter(note="وقّعت النموذج في مكتب المركز").exists()

    source, _created = TranslationSource.update_or_create_from_instance(fresh(story))
    translate(fresh(story), "en")
    stored = source.content_json + "".join(segment.string.data for segment in segments_of(source, StringSegment))
    stored += "".join(segment.data_json for segment in segments_of(source, OverridableSegment))
    for private in ("سلمى", "+970 59 123 4567", "رأس العامود", "وقّعت النموذج", "written", "granted"):
        assert private not in stored
    assert not {"consent", "survivor"} & {key.split("_")[0] for key in json.loads(source.content_json)}


@pytest.mark.parametrize("model", [ViolationType, Neighbourhood])
def test_a_vocabulary_term_has_its_name_translated_and_keeps_its_slug(model, site_structure):
    term = model.objects.get(slug="silwan" if model is Neighbourhood else "home-demolition", locale=locale("ar"))
    source, _created = TranslationSource.update_or_create_from_instance(term)
    assert top_level(segment.context.path for segment in segments_of(source, StringSegment)) == {"name"}
    assert not OverridableSegment.objects.filter(source=source).exists()


def test_every_translatable_model_declares_each_of_its_fields():
    """A new field must be declared translated or synchronised; wagtail-localize's guess is not a decision."""
    page_internals = {"go_live_at", "expire_at", "first_published_at", "content_type", "owner", "path", "depth"}
    page_internals |= {"numchild", "locale", "translation_key", "live_revision", "latest_revision", "locked_by"}
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    models += _page_models()
    for model in models:
        assert "translatable_fields" in {name for klass in model.__mro__ for name in vars(klass)}, model
        declared = {field.field_name for field in get_translatable_fields(model)}
        assert all(isinstance(field, TranslatableField | SynchronizedField) for field in model.translatable_fields)
        fields = {
            field.name
            for field in model._meta.get_fields()
            if getattr(field, "editable", False) and field.concrete and not field.auto_created
        }
        if issubclass(model, ClusterableModel):
            fields |= {relation.name for relation in get_all_child_relations(model)} - {COMMENTS_RELATION_NAME}
        assert fields - declared - page_internals - {"comment_notifications"} == set(), model


def _page_models():
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]
