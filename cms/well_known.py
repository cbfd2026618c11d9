"""``/.well-known/security.txt`` (RFC 9116): where to report a vulnerability.

``Contact`` is ``SECURITY_CONTACT`` (``mailto:`` or ``https:`` URIs, comma-separated), else the contact
email of the site settings. Without either there is nobody to tell, and the file answers 404 rather
than a file the RFC calls invalid. ``Expires`` lies ``SECURITY_TXT_EXPIRES_DAYS`` ahead (under a year,
as the RFC recommends); ``Canonical`` is this file's own address.
"""

from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from home.models import SiteSettings

PREFERRED_LANGUAGES = "ar, en, fr"


def security_contacts():
    """Contact URIs: the configured ones, else ``mailto:`` the site's contact email."""
    if settings.SECURITY_CONTACT:
        return list(settings.SECURITY_CONTACT)
    email = SiteSettings.load().contact_email
    return [f"mailto:{email}"] if email else []


def expiry(now=None):
    """Midnight UTC, ``SECURITY_TXT_EXPIRES_DAYS`` days after today: the same all day, so caches agree."""
    today = (now or datetime.now(UTC)).date()
    return datetime.combine(today + timedelta(days=settings.SECURITY_TXT_EXPIRES_DAYS), time(), tzinfo=UTC)


@require_safe
@cache_control(public=True, max_age=3600)
def security_txt(request):
    contacts = security_contacts()
    if not contacts:
        raise Http404("No security contact is configured.")
    lines = [f"Contact: {contact}" for contact in contacts]
    lines.append(f"Expires: {expiry().strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append(f"Preferred-Languages: {PREFERRED_LANGUAGES}")
    lines.append(f"Canonical: {request.build_absolute_uri(request.path)}")
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
