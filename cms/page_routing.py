"""Wagtail's page routing, with the site and its home page in the active language remembered.

Before routing a path, Wagtail finds the site by host (a query), the site's root page in the active
language (a query for the locale, one more for the translation outside Arabic) and that page's own
model (a query): four of a story page's queries, the same on every request. They are remembered per
host, port and language in the page data cache (core.memo) under the language's layout token, which
a change to a site, a locale or a home page renews. Routing itself then starts from that home page
as Wagtail's ``Page.route_for_request`` would, and Wagtail's ``serve`` view finds the result ready.
"""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Site

from core import memo


def _site_and_home(request):
    site = Site.find_for_request(request)
    return site, (site.root_page.localized.specific if site is not None else None)


class PageRoutingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        language = get_language()
        site, home = memo.remember(
            "site_home", (hostname, request.get_port(), language), lambda: _site_and_home(request), layouts=[language]
        )
        request._wagtail_site = site
        if home is None:
            request._wagtail_route_for_request = None
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            request._wagtail_route_for_request = home.route(request, [part for part in path.split("/") if part])
        except Http404:
            request._wagtail_route_for_request = None
        return None
