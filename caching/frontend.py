"""The CDN in front of the site, through wagtail.contrib.frontend_cache's backends.

``FRONTEND_CACHE_URL`` configures :class:`StrictHTTPBackend` (settings ``WAGTAILFRONTENDCACHE``); any
other wagtail.contrib.frontend_cache backend (Cloudflare, CloudFront…) can be set there instead. The
app ``wagtail.contrib.frontend_cache`` itself is not installed: its signal handlers would purge on
publish without a record, and our outbox (caching.outbox) sends the same purges durably.
"""

from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

TIMEOUT = 5


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_urls(urls):
    """Send every URL to every configured backend; raises when one fails (the row stays pending)."""
    if not urls or not configured():
        return
    for backend in get_backends().values():
        backend.purge_batch(urls)


class StrictHTTPBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend, but a failure raises instead of being logged and forgotten."""

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""])
        request = PurgeRequest(url=target, headers={"Host": parts.netloc, "User-Agent": "Munasara-frontendcache"})
        try:
            urlopen(request, timeout=TIMEOUT).close()
        except HTTPError as error:
            if error.code != 404:  # 404: that URL was not in the CDN's cache; nothing to purge
                raise
