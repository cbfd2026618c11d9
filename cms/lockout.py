"""Staff login lockout (django-axes): the client address failed logins count against.

Axes counts failures per username and client address (settings: ``AXES_*``). Behind proxies the
connecting address is the last proxy's, so with ``TRUSTED_PROXY_COUNT`` proxies of ours in front,
each appending the address it was reached from to ``X-Forwarded-For``, the client is the entry that
many places from the end. Entries further left were written by the client and prove nothing.
"""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def client_ip(request):
    """The address of the client of ``request``, trusting ``X-Forwarded-For`` only as configured."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the lockout page, in the request's language, with status 429."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "lockout.html", context, status=429)
