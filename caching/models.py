from django.db import models
from django.utils.translation import gettext_lazy as _


class CachePurge(models.Model):
    """What one content change made stale: the durable outbox of cache purges (see caching/README.md).

    Written in the same transaction as the change, applied after the commit to our response cache
    (``cache_purged_at``) and to the CDN when one is configured (``frontend_purged_at``). While a row
    is not applied to our cache, the response cache is bypassed, so a story withdrawn while Redis did
    not answer is never served from it; ``manage.py cache_purge_sync`` (and the next request that finds
    the cache answering again) applies what is pending.
    """

    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    #: Resource names whose cached answers are stale: ``path:/en/stories/x/`` (an HTML page and the API's
    #: find-by-path), ``page:12`` (the API detail of page 12).
    resources = models.JSONField(_("resources"), default=list)
    #: Languages whose collection-like answers (listings, search, sitemap, vocabularies…) are stale.
    content_languages = models.JSONField(_("content languages"), default=list)
    #: Languages whose every page is stale: navigation, footer, breadcrumbs of a section changed.
    layout_languages = models.JSONField(_("layout languages"), default=list)
    #: Absolute URLs to purge from the CDN.
    urls = models.JSONField(_("URLs"), default=list)
    cache_purged_at = models.DateTimeField(_("purged from the cache at"), null=True, blank=True, db_index=True)
    frontend_purged_at = models.DateTimeField(_("purged from the CDN at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("cache purge")
        verbose_name_plural = _("cache purges")

    def __str__(self):
        state = "applied" if self.cache_purged_at else "pending"
        return f"cache purge {self.pk} ({state}, {len(self.resources)} resources)"
