"""Every change that can alter what the public search may show queues the pages concerned.

Vocabulary and locale changes also drop the cached labels and locale checks
(``core.vocabulary_cache``), in this process at once and in the shared cache after the
commit.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import vocabulary_cache as cached

from . import outbox


def _page_saved_or_deleted(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    if isinstance(instance, Page):
        outbox.schedule([instance.pk])


def _page_changed(sender, instance, **kwargs):
    outbox.schedule([instance.pk])


def _page_moved(sender, instance, **kwargs):
    # Every descendant's URL changes with it.
    outbox.schedule_subtree(instance)


def _restriction_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        outbox.schedule_subtree(page)


def _story_link_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    outbox.schedule([instance.page_id])


def _forget_now_and_after_commit(forget):
    # Now, so this transaction reads the new value; after the commit again, so a request that
    # cached the old value in between does not keep it.
    forget()
    transaction.on_commit(forget)


def _vocabulary_changed(sender, instance, **kwargs):
    """A renamed violation type or neighbourhood changes its label and the searchable text of its stories."""
    _forget_now_and_after_commit(cached.forget_vocabulary)
    if kwargs.get("raw"):
        return
    from core.models import Neighbourhood
    from stories.models import StoryPage

    if isinstance(instance, Neighbourhood):
        stories = StoryPage.objects.filter(neighbourhood=instance)
    else:
        stories = StoryPage.objects.filter(violation_type_links__violation_type=instance)
    outbox.schedule(stories.values_list("pk", flat=True))


def _locale_changed(sender, instance, **kwargs):
    _forget_now_and_after_commit(cached.forget_locales)


def connect():
    from core.models import Neighbourhood, ViolationType
    from stories.models import StoryViolationType

    # Any page model: the sender is the specific class, so listen to all senders and check.
    post_save.connect(_page_saved_or_deleted, dispatch_uid="search_page_saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="search_page_deleted")
    page_published.connect(_page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(_page_moved, dispatch_uid="search_page_slug_changed")
    for signal in (post_save, post_delete):
        signal.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_restriction_{signal}")
        signal.connect(_story_link_changed, sender=StoryViolationType, dispatch_uid=f"search_story_link_{signal}")
        signal.connect(_locale_changed, sender=Locale, dispatch_uid=f"search_locale_{signal}")
        for model in (ViolationType, Neighbourhood):
            signal.connect(_vocabulary_changed, sender=model, dispatch_uid=f"search_vocabulary_{model}_{signal}")
