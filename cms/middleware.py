from django.conf import settings
from django.middleware.locale import LocaleMiddleware


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
