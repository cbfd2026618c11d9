"""core.visibility.public_pages: live, no view restriction, and the condition a page model declares for itself."""

import pytest
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from campaigns.models import CampaignPage
from core import visibility
from core.visibility import public_pages
from stories.models import ConsentRecord, StoryPage
from tests.factories import CampaignPageFactory, StoryPageFactory, UnitPageFactory, fresh

pytestmark = pytest.mark.django_db


def public_ids(queryset=None):
    return set(public_pages(queryset).values_list("pk", flat=True))


@pytest.fixture
def unit(site_structure):
    return UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة المناصرة الدولية")


@pytest.fixture
def story(site_structure):
    return StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان")


def test_a_live_page_without_restriction_is_public_and_a_draft_is_not(site_structure, unit):
    draft = UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة مسودة", publish_page=False)

    assert unit.pk in public_ids()
    assert draft.pk not in public_ids()


def test_unpublishing_hides_a_page(unit):
    unit.unpublish()

    assert unit.pk not in public_ids()


def test_a_view_restriction_hides_the_page_and_everything_below_it(site_structure, unit):
    units = site_structure["units"]["ar"]
    PageViewRestriction.objects.create(page=units, restriction_type="password", password="secret")

    hidden = {units.pk, unit.pk}
    assert hidden.isdisjoint(public_ids())
    assert site_structure["campaigns"]["ar"].pk in public_ids(), "a restriction elsewhere hides nothing else"


def test_a_story_with_granted_consent_is_public(story):
    assert story.pk in public_ids()
    assert story.pk in public_ids(StoryPage.objects.all())


@pytest.mark.parametrize(
    "change",
    [{"status": "withdrawn"}, {"status": "pending"}, {"recorded_on": None}],
    ids=["withdrawn", "pending", "granted-without-a-date"],
)
def test_a_live_story_without_recorded_consent_is_hidden_from_every_queryset(story, change):
    # Bypasses StoryPage.save (which refuses to keep such a story live): the rule must hold on its own.
    ConsentRecord.objects.filter(story_translation_key=story.translation_key).update(**change)
    assert fresh(story).live

    assert story.pk not in public_ids()
    assert story.pk not in public_ids(Page.objects.live())
    assert story.pk not in public_ids(StoryPage.objects.all())


def test_page_models_without_a_condition_are_unaffected(site_structure, unit, story):
    campaign = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="أوقفوا الهدم")
    ConsentRecord.objects.filter(story_translation_key=story.translation_key).update(status="withdrawn")

    assert public_ids() == set(Page.objects.live().public().values_list("pk", flat=True)) - {story.pk}
    assert {unit.pk, campaign.pk, site_structure["home"]["ar"].pk} <= public_ids()


def test_public_pages_keeps_the_callers_filter_and_type(site_structure, story):
    other = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة أخرى")

    stories = public_pages(StoryPage.objects.filter(pk=story.pk))

    assert list(stories) == [story]
    assert other.pk not in {page.pk for page in stories}


@pytest.fixture
def campaigns_declare_a_condition(monkeypatch):
    """Give CampaignPage a public condition, as a page model would in its own code."""
    monkeypatch.setattr(CampaignPage, "public_condition", classmethod(lambda cls: Q(status="active")), raising=False)
    # The page models are looked up once per process; models are fixed by then, except here.
    visibility._conditional_page_models.cache_clear()
    visibility._page_subclasses.cache_clear()
    yield
    monkeypatch.undo()
    visibility._conditional_page_models.cache_clear()
    visibility._page_subclasses.cache_clear()


def test_a_condition_declared_by_any_page_model_applies_everywhere(
    site_structure, story, campaigns_declare_a_condition
):
    active = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="حملة جارية")
    closed = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="حملة منتهية", status="closed")

    assert active.pk in public_ids()
    assert closed.pk not in public_ids()
    assert closed.pk not in public_ids(CampaignPage.objects.all())
    assert story.pk in public_ids(), "the story's own condition still applies alongside"
