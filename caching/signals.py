"""Every route that changes public content records its purge here (through caching.outbox).

Publishing (a translation's too), unpublishing (consent withdrawal unpublishes every translation through
Wagtail's UnpublishPageAction, so it arrives as page_unpublished), moves, slug changes, deletion, view
restrictions, and a live page saved directly (imports, scripts); site settings, the organisation's
footer texts, vocabularies, locales and sites change what every page shows; a confirmed petition
signature or letter changes its campaign's counters (supporters.actions.campaign_counts_changed), and an
incident verified, edited or removed changes the statistics (monitoring.statistics_summary.statistics_changed);
editors' synonym sets and search picks change search answers.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

from . import outbox, targets

# Saving these fields alone is draft bookkeeping (a new revision, a lock): nothing public changes.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
        "first_published_at",
        "last_published_at",
        "go_live_at",
        "expire_at",
    }
)

_paths_before_move = {}


def _page_published_or_unpublished(sender, instance, **kwargs):
    outbox.record(targets.page_changed(instance))


def _page_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or created or not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    outbox.record(targets.page_changed(instance))


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.pk and instance.depth > 1:
        outbox.record(targets.page_changed(instance))


def _campaign_counts_changed(sender, page, **kwargs):
    # A confirmed signature or letter moves the counter the campaign's pages and API answers show.
    outbox.record(targets.page_changed(page))


def _figures_changed(sender, **kwargs):
    outbox.record(targets.figures_changed())


def _search_tuning_changed(sender, instance=None, raw=False, **kwargs):
    if not raw:
        outbox.record(targets.search_answers())


def _before_move(sender, instance, **kwargs):
    _paths_before_move[instance.pk] = targets.subtree_paths(instance)


def _after_move(sender, instance, parent_page_before=None, **kwargs):
    purge = targets.subtree_changed(instance, old_paths=_paths_before_move.pop(instance.pk, ()))
    if parent_page_before is not None:
        # The old parent and its ancestors listed the page.
        purge.update(targets.page_changed(parent_page_before))
    outbox.record(purge)


def _slug_changed(sender, instance, instance_before, **kwargs):
    old_path, new_path = targets.html_path(instance_before), targets.html_path(instance)
    old_paths = targets.renamed_paths(old_path, new_path, instance) if old_path and new_path else ()
    outbox.record(targets.subtree_changed(instance, old_paths=old_paths))


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        outbox.record(targets.subtree_changed(page))


def _everything_changed(sender, instance=None, raw=False, created=False, **kwargs):
    from wagtail.contrib.settings.models import BaseGenericSetting

    # Reading the settings the first time creates their empty row: nothing shown changes.
    if not raw and not (created and isinstance(instance, BaseGenericSetting)):
        outbox.record(targets.everything())


def connect():
    from core.models import Neighbourhood, ViolationType
    from home.models import SiteSettings
    from home.organisation import OrganisationDetails
    from monitoring.statistics_summary import statistics_changed
    from supporters.actions import campaign_counts_changed

    page_published.connect(_page_published_or_unpublished, dispatch_uid="caching_page_published")
    page_unpublished.connect(_page_published_or_unpublished, dispatch_uid="caching_page_unpublished")
    post_save.connect(_page_saved, dispatch_uid="caching_page_saved")
    pre_delete.connect(_page_deleted, dispatch_uid="caching_page_deleted")
    pre_page_move.connect(_before_move, dispatch_uid="caching_before_move")
    post_page_move.connect(_after_move, dispatch_uid="caching_after_move")
    page_slug_changed.connect(_slug_changed, dispatch_uid="caching_slug_changed")
    campaign_counts_changed.connect(_campaign_counts_changed, dispatch_uid="caching_campaign_counts_changed")
    statistics_changed.connect(_figures_changed, dispatch_uid="caching_figures_changed")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        # Named, not imported: the search app sits beside this one in the layers.
        for label in ("munasara_search.SynonymSet", "wagtailsearchpromotions.SearchPromotion"):
            signal.connect(_search_tuning_changed, sender=label, dispatch_uid=f"caching_{label}_{name}")
        signal.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"caching_restriction_{name}")
        for model in (SiteSettings, OrganisationDetails, ViolationType, Neighbourhood, Locale, Site):
            signal.connect(_everything_changed, sender=model, dispatch_uid=f"caching_{model.__name__}_{name}")
