"""Rate limits on every POST the public can send (django-ratelimit), per client address.

Public POST routes are every address outside the admins, and the admin's password reset, which
anyone may ask for and which sends mail: a Wagtail form page, a page or collection password
(``/_util/authenticate_with_password/``, ``/documents/authenticate_with_password/``), whatever
comes later. Limiting by route prefix rather than view by view keeps a new public form from being
forgotten. The admin login is not limited here: django-axes locks it out after failed attempts
(cms/lockout.py).

Over the limit the answer is 429 with ``Retry-After`` and a message in the visitor's language
(JSON under ``/api/``). The client address is the one the lockout uses (``RATELIMIT_IP_META_KEY``,
``TRUSTED_PROXY_COUNT``). Counts live in Django's default cache: with several workers, point
``CACHE_URL`` at Redis so they share them.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
PASSWORD_RESET_PREFIX = "/admin/password_reset/"
API_PREFIX = "/api/"


def limit_for(path):
    """``(group, rate)`` limiting POSTs to ``path``, or None for the admins' own (staff-only) routes."""
    if path.startswith(PASSWORD_RESET_PREFIX):
        return "password-reset", settings.RATELIMIT_PASSWORD_RESET
    if path.startswith(ADMIN_PREFIXES):
        return None
    return "public-post", settings.RATELIMIT_PUBLIC_POST


def too_many_requests(request, retry_after):
    message = _("Too many requests from your address. Please wait %(seconds)s seconds and try again.") % {
        "seconds": retry_after
    }
    if request.path_info.startswith(API_PREFIX):
        response = JsonResponse({"message": message}, status=429)
    else:
        response = HttpResponse(
            render_to_string("too_many_requests.html", {"message": message}, request=request), status=429
        )
    response["Retry-After"] = str(retry_after)
    return response


class PublicPostRateLimitMiddleware:
    """Answer 429 to a client address that sent more public POSTs than its group's rate allows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in UNSAFE_METHODS:
            limit = limit_for(request.path_info)
            if limit is not None:
                group, rate = limit
                usage = get_usage(request, group=group, key="ip", rate=rate, method=UNSAFE_METHODS, increment=True)
                if usage is not None and usage["should_limit"]:
                    return too_many_requests(request, max(1, usage["time_left"]))
        return self.get_response(request)
