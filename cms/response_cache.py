"""The full-response cache: anonymous HTML pages and API GETs, answered from the shared cache.

An answer is cached when anyone may see it: an anonymous GET (a HEAD is answered from the same entry)
without credentials or a preview token, answered 200, setting no cookie, carrying no message. Its key is
the host, path, language and the query string that matters (sorted, tracking parameters dropped), plus
the tokens the invalidation service renews (caching/keys.py): an HTML page and the API's find-by-path of
it by its path, an API detail by page id, everything else (listings, search, sitemap, vocabularies, site,
navigation) by the content generation of its languages; every key by the layout generation (navigation,
footer, sections). While a purge could not reach the cache, the cache is bypassed (caching.outbox).

Pages get ``Cache-Control: public, max-age=0, must-revalidate, s-maxage=PAGE_CACHE_MAX_AGE``, an
``ETag`` and ``304`` on a matching ``If-None-Match``, like the API (cms.middleware.ApiHttpCacheMiddleware,
which keeps doing that for the API, outside this middleware). ``X-Cache: HIT``, ``MISS`` or ``BYPASS``
says what happened.
"""

import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from caching import outbox
from caching.keys import current_tokens, entry_key, languages, normalise_path, normalise_query

from .middleware import API_PREFIX, ApiHttpCacheMiddleware

API_DETAIL = re.compile(r"^/api/v2/pages/(\d+)/$")
API_FIND = "/api/v2/pages/find/"
NEVER_CACHED = ("/api/v2/page_preview/",)
# A cached answer keeps every header the view and the middlewares inside this one set (X-Frame-Options,
# the CSP, …: the same for every anonymous request); the middlewares outside add theirs again on a hit.
NOT_KEPT_HEADERS = frozenset({"set-cookie", "x-cache"})


def token_names(request):
    """The names whose tokens make this request's key, or None when it is no answer we cache."""
    path = request.path_info
    if path.startswith(API_PREFIX):
        if path.startswith(NEVER_CACHED):
            return None
        layout = [f"layout:{code}" for code in languages()]
        if match := API_DETAIL.match(path):
            return [*layout, f"page:{match.group(1)}"]
        if path == API_FIND and request.GET.get("html_path"):
            return [*layout, f"path:{normalise_path(request.GET['html_path'])}"]
        return [*layout, *(f"content:{code}" for code in languages())]
    if path == "/sitemap.xml":
        return [f"{kind}:{code}" for kind in ("layout", "content") for code in languages()]
    language = path.split("/")[1] if path.count("/") >= 2 else ""
    if language not in languages():
        return None  # admin, documents, media, health checks, …
    if path == f"/{language}/search/":
        return [f"layout:{language}", f"content:{language}"]
    return [f"layout:{language}", f"path:{normalise_path(path)}"]


def is_anonymous(request):
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated) and "Authorization" not in request.headers


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.RESPONSE_CACHE or request.method not in ("GET", "HEAD") or "token" in request.GET:
            return self.get_response(request)
        names = token_names(request)
        if names is None:
            return self.get_response(request)
        is_page = not request.path_info.startswith(API_PREFIX)
        if not is_anonymous(request):
            response = self.get_response(request)
            if is_page:
                patch_cache_control(response, private=True, no_store=True)
            return response
        if not outbox.cache_is_trustworthy():
            response = self.get_response(request)
            if not self.storable(request, response):
                return response
            response["X-Cache"] = "BYPASS"
            return self.conditional(request, self.with_http_caching(response, is_page), is_page)

        cache = caches[outbox.CACHE_ALIAS]
        parts = [
            request.get_host(),
            request.path_info,
            request.LANGUAGE_CODE,
            normalise_query(request.META.get("QUERY_STRING")),
        ]
        key = entry_key(parts, current_tokens(cache, names))
        stored = cache.get(key)
        if stored is not None:
            response = self.rebuild(stored)
            response["X-Cache"] = "HIT"
            return self.conditional(request, response, is_page)

        response = self.get_response(request)
        if not self.storable(request, response):
            return response
        response = self.with_http_caching(response, is_page)
        cache.set(key, self.freeze(response), settings.RESPONSE_CACHE_TIMEOUT)
        response["X-Cache"] = "MISS"
        return self.conditional(request, response, is_page)

    @staticmethod
    def storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if ApiHttpCacheMiddleware.kept_from_caches(response):
            return False  # the view said private / no-store
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # a form on the page: its CSRF cookie is personal
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        messages = getattr(request, "_messages", None)
        return not (messages is not None and len(messages))

    @staticmethod
    def with_http_caching(response, is_page):
        if not response.has_header("ETag"):
            set_response_etag(response)
        if is_page:
            # Browsers ask again every time (a 304 from this cache, cheap), so none keeps a page after a
            # change such as a consent withdrawal; a CDN keeps it for PAGE_CACHE_MAX_AGE, purged on changes.
            patch_cache_control(
                response, public=True, max_age=0, must_revalidate=True, s_maxage=settings.PAGE_CACHE_MAX_AGE
            )
        return response

    @staticmethod
    def conditional(request, response, is_page):
        # Pages answer 304 here; the API's 304 comes from ApiHttpCacheMiddleware around us.
        if not is_page:
            return response
        answer = get_conditional_response(request, etag=response.get("ETag"), response=response)
        if answer is not response:
            answer["X-Cache"] = response["X-Cache"]
        return answer

    @staticmethod
    def freeze(response):
        headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_KEPT_HEADERS]
        return {"content": response.content, "status": response.status_code, "headers": headers}

    @staticmethod
    def rebuild(stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        return response
