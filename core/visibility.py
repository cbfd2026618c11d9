"""The one answer to "may the public see this page?".

Templates, the API, search, sitemaps and exports all go through these helpers,
so a page that is a draft, behind a view restriction, or a story without
granted consent is hidden everywhere at once.
"""

from wagtail.models import Page


def hidden_story_ids():
    from stories.models import StoryPage
    from stories.services import PUBLIC_CONSENT

    # The same test as stories.services.may_publish: consent granted, and when.
    return StoryPage.objects.exclude(consent_status=PUBLIC_CONSENT, consent_recorded_on__isnull=False).values("pk")


def public_pages(queryset=None):
    """Live pages with no view restriction, minus stories without consent."""
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().public().exclude(pk__in=hidden_story_ids())
