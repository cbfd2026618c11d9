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

from . import outbox, promotions

IMPORT_BATCH = 1000


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


def _incident_changed(sender, instance, **kwargs):
    """An incident verified, returned to draft, edited or deleted; or one of its texts."""
    if kwargs.get("raw"):
        return
    outbox.schedule_incidents([getattr(instance, "incident_id", instance.pk)])


def _incidents_imported(sender, incident_ids, **kwargs):
    """An import wrote incidents in bulk (no save signals): queue them, and index their texts in the database."""
    from modelsearch.backends import get_search_backend

    from monitoring.incidents import IncidentText

    outbox.schedule_incidents(incident_ids)
    texts = IncidentText.objects.filter(incident_id__in=incident_ids).order_by("pk")
    database = get_search_backend("default")
    for start in range(0, len(incident_ids), IMPORT_BATCH):
        database.add_bulk(IncidentText, list(texts.filter(incident_id__in=incident_ids[start : start + IMPORT_BATCH])))


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
    from monitoring.records import public_incidents
    from stories.models import StoryPage

    # An incident names the source-language term; its titles use every translation of it.
    if isinstance(instance, Neighbourhood):
        stories = StoryPage.objects.filter(neighbourhood=instance)
        incidents = public_incidents().filter(neighbourhood__translation_key=instance.translation_key)
    else:
        stories = StoryPage.objects.filter(violation_type_links__violation_type=instance)
        incidents = public_incidents().filter(violation_type__translation_key=instance.translation_key)
    outbox.schedule(stories.values_list("pk", flat=True))
    outbox.schedule_incidents(incidents.values_list("pk", flat=True))


def _locale_changed(sender, instance, **kwargs):
    _forget_now_and_after_commit(cached.forget_locales)


def _picks_changed(sender, instance, **kwargs):
    """An editor's pick added, moved or removed, or its query renamed: the list of picked queries changes."""
    _forget_now_and_after_commit(promotions.forget_promoted_queries)


def connect():
    from core.models import Neighbourhood, ViolationType
    from monitoring.importing import incidents_written
    from monitoring.incidents import Incident, IncidentText
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
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    for signal in (post_save, post_delete):
        for model in (SearchPromotion, Query):
            signal.connect(_picks_changed, sender=model, dispatch_uid=f"search_picks_{model}_{signal}")
    incidents_written.connect(_incidents_imported, dispatch_uid="search_incidents_imported")
    for signal in (post_save, post_delete):
        for model in (Incident, IncidentText):
            signal.connect(_incident_changed, sender=model, dispatch_uid=f"search_incident_{model}_{signal}")
        for model in (ViolationType, Neighbourhood):
            signal.connect(_vocabulary_changed, sender=model, dispatch_uid=f"search_vocabulary_{model}_{signal}")
