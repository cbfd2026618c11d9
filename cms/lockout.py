"""Staff login lockout (django-axes): the client address failed logins count against.

Axes counts failures per username and client address (settings: ``AXES_*``). Behind proxies the
connecting address is the last proxy's, so with ``TRUSTED_PROXY_COUNT`` proxies of ours in front,
each appending the address it was reached from to ``X-Forwarded-For``, the client is the entry that
many places from the end. Entries further left were written by the client and prove nothing.
"""

import ipaddress

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render

# Requests that name no usable address (a WSGI server on a unix socket, a test harness) share one
# bucket: counted together rather than not counted, and never a crash in the rate limiter.
UNKNOWN_CLIENT = "0.0.0.0"


def _address(value):
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request):
    """The address of the client of ``request``, trusting ``X-Forwarded-For`` only as configured."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= proxies and (address := _address(forwarded[-proxies])):
            return address
    return _address(request.META.get("REMOTE_ADDR")) or UNKNOWN_CLIENT


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the lockout page, in the request's language, with status 429."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "lockout.html", context, status=429)
