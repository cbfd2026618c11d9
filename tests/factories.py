"""Factories for the page types; they build under the real site structure."""

import datetime

import factory
from wagtail.models import Locale

from core.models import Neighbourhood, ViolationType
from stories.models import StoryPage, StoryViolationType


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

    @classmethod
    def _create(
        cls, model_class, *args, parent=None, violation_types=(), neighbourhood=None, publish_page=True, **kwargs
    ):
        page = model_class(*args, **kwargs)
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
