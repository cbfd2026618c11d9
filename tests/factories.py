"""Factories for the page types; they build under the real site structure."""

import datetime

import factory
from wagtail.models import Locale, Page

from campaigns.models import CampaignAudience, CampaignPage, CampaignRelatedStory
from core.models import Neighbourhood, ViolationType
from home.models import UnitPage
from stories.models import StoryPage, StoryViolationType
from stories.services import record_consent


def fresh(page):
    """The page as the database has it now, as its specific type."""
    return Page.objects.get(pk=page.pk).specific


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class StoryPageFactory(factory.Factory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"قصة رقم {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    date = datetime.date(2020, 5, 17)
    summary = "ملخص القصة"
    consent_status = "granted"
    consent_recorded_on = datetime.date(2020, 6, 1)
    consent_method = "written"
    live = False

    anonymised = True

    @classmethod
    def _create(
        cls, model_class, *args, parent=None, violation_types=(), neighbourhood=None, publish_page=True, **kwargs
    ):
        # Consent is the story's ConsentRecord, not a page field: the kwargs are recorded through the service.
        consent = {
            "status": kwargs.pop("consent_status"),
            "recorded_on": kwargs.pop("consent_recorded_on"),
            "method": kwargs.pop("consent_method") or "",
            "anonymised": kwargs.pop("anonymised"),
        }
        page = model_class(*args, **kwargs)
        record_consent(page, **consent)
        page.locale = parent.locale
        if neighbourhood:
            page.neighbourhood = Neighbourhood.objects.get(slug=neighbourhood, locale=parent.locale)
        for slug in violation_types:
            page.violation_type_links.add(
                StoryViolationType(violation_type=ViolationType.objects.get(slug=slug, locale=parent.locale))
            )
        parent.add_child(instance=page)
        if publish_page:
            publish(page)
        return page


def locale(code):
    return Locale.objects.get(language_code=code)


class CampaignPageFactory(factory.Factory):
    """A published campaign under ``parent``; ``audiences`` and ``related_stories`` fill the orderables."""

    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"حملة رقم {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    status = "active"
    start_date = datetime.date(2024, 1, 10)
    summary = "ملخص الحملة"
    the_ask = "وقف هدم المنازل"
    live = False

    @classmethod
    def _create(cls, model_class, *args, parent=None, audiences=(), related_stories=(), publish_page=True, **kwargs):
        page = model_class(*args, **kwargs)
        page.locale = parent.locale
        for audience in audiences:
            page.audience_links.add(CampaignAudience(audience=audience))
        for story in related_stories:
            page.related_story_links.add(CampaignRelatedStory(story=story))
        parent.add_child(instance=page)
        if publish_page:
            publish(page)
        return page


class UnitPageFactory(factory.Factory):
    class Meta:
        model = UnitPage

    title = factory.Sequence(lambda n: f"وحدة رقم {n}")
    slug = factory.Sequence(lambda n: f"unit-{n}")
    summary = "ملخص الوحدة"
    mission = "رسالة الوحدة"
    live = False

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish_page=True, **kwargs):
        page = model_class(*args, **kwargs)
        page.locale = parent.locale
        parent.add_child(instance=page)
        if publish_page:
            publish(page)
        return page


def publish_translation(page, code, **fields):
    """Copy ``page`` into language ``code`` (``copy_for_translation``), set ``fields`` and publish it."""
    from core.i18n import translate_page

    return publish(translate_page(page, locale(code), **fields))
