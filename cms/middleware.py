from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


class PublicLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 redirect outside the public site.

    Django answers a 404 by redirecting to the same path under a language
    prefix when that path would resolve. Wagtail's catch-all page route makes
    every prefixed path resolve, so an unknown API object would turn into a
    302 to /ar/api/...; the API, admin and media must answer their own 404s.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(settings.UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class ApiJsonErrorMiddleware:
    """Every error under /api/ answers JSON with a ``message``, never an HTML error page.

    The API views answer their own errors in JSON already; this covers what happens
    around them: an address no endpoint serves, and an uncaught exception (which
    Django has logged and turned into its HTML 500 page by the time it gets here).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith(API_PREFIX)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return self.json_error(response)
        return response

    @staticmethod
    def json_error(response):
        messages = {
            404: _("No API endpoint or object at this address."),
            500: _("The server could not answer this request. The error has been logged."),
        }
        if response.status_code == 405:
            messages[405] = _("This method is not allowed here; allowed: %(allowed)s.") % {
                "allowed": response.get("Allow", "GET, HEAD")
            }
        message = messages.get(response.status_code, response.reason_phrase)
        answer = JsonResponse({"message": str(message)}, status=response.status_code)
        for header in ("Allow", "Retry-After", "Vary", "Cache-Control"):
            if header in response:
                answer[header] = response[header]
        return answer


class ApiHttpCacheMiddleware:
    """HTTP caching of the API: what anyone may see is cacheable by anyone, nothing else is.

    An anonymous GET or HEAD answered 200 gets ``Cache-Control: public, max-age=API_CACHE_MAX_AGE``
    and an ``ETag`` (a hash of the body), and answers ``304 Not Modified`` to a matching
    ``If-None-Match`` (Django's conditional-request helpers). A logged-in user's request, a request
    carrying credentials or a preview ``token``, and every error are ``private, no-store``: a shared
    cache must never hand a draft, a staff view or a passing failure to the public. Responses vary
    by ``Accept-Language``, which translates the API's messages (CORS adds ``Origin``).

    Placed inside ApiJsonErrorMiddleware, which keeps these headers on the errors it rewrites.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(API_PREFIX):
            return response
        patch_vary_headers(response, ("Accept-Language",))
        if response.status_code >= 400 or self.is_personal(request, response):
            patch_cache_control(response, private=True, no_store=True)
            return response
        if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
            return response
        if self.kept_from_caches(response):
            return response  # The view decided.
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    @staticmethod
    def kept_from_caches(response):
        directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
        return bool(directives & {"private", "no-store", "no-cache"})

    @staticmethod
    def is_personal(request, response):
        """Whether the answer may depend on who asks: a session, credentials, a preview token, a cookie set."""
        user = getattr(request, "user", None)
        return bool(
            (user is not None and user.is_authenticated)
            or "token" in request.GET
            or "Authorization" in request.headers
            or response.cookies
        )
