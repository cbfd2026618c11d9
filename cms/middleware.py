from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils.translation import gettext as _


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
            request.path_info.startswith("/api/")
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
        message = messages.get(response.status_code, response.reason_phrase)
        answer = JsonResponse({"message": str(message)}, status=response.status_code)
        for header in ("Allow", "Retry-After", "Vary"):
            if header in response:
                answer[header] = response[header]
        return answer
