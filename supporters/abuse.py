"""Defences of the public sign-up forms and endpoints: a honeypot field and rate limits.

The rate limits count per client address and per email address (hashed, so the cache holds no
address) in Django's cache through django-ratelimit, on top of the site-wide limit on public POSTs
(cms/ratelimits.py). Rates come from settings (``SUPPORTERS_RATE_PER_IP``, ``SUPPORTERS_RATE_PER_EMAIL``).
"""

import hashlib

from django.conf import settings
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

# Hidden from people by the site's CSS (and aria-hidden); bots fill every field they find.
HONEYPOT_FIELD = "website"


class RateLimited(Exception):  # noqa: N818 (the name the contract with supporters-actions fixed)
    """Too many attempts; ``retry_after`` is in seconds. Views answer 429."""

    def __init__(self, retry_after):
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


def honeypot_filled(data) -> bool:
    """Whether the hidden field a person never sees holds anything (a bot's submission: drop it silently)."""
    value = data.get(HONEYPOT_FIELD) if hasattr(data, "get") else None
    return bool(value)


def _email_key(email):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{email}".encode()).hexdigest()
    return lambda group, request: digest


def check_rate_limits(request, *, email: str | None, scope: str) -> None:
    """Count this attempt against the client address and (when given) the email; raise RateLimited if over."""
    limits = [(f"supporters-{scope}-ip", "ip", settings.SUPPORTERS_RATE_PER_IP)]
    if email:
        limits.append((f"supporters-{scope}-email", _email_key(email), settings.SUPPORTERS_RATE_PER_EMAIL))
    for group, key, rate in limits:
        usage = get_usage(request, group=group, key=key, rate=rate, method=ALL, increment=True)
        if usage is not None and usage["should_limit"]:
            raise RateLimited(max(1, usage["time_left"]))
