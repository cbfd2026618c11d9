"""Security headers: the Content Security Policy and framing, one policy for the public, one for the admin.

The public site and the API documentation run no inline script and load nothing from another
origin: ``CONTENT_SECURITY_POLICY`` (django-csp 4 configuration, built by :func:`public_directives`).
Images may also come from the media storage's own origin (S3 or a CDN), read from the storage at
request time so the policy follows whatever storage the settings configure.

The Wagtail admin (and Django's) needs inline scripts and styles, ``data:``/``blob:`` images and to
frame its own preview: :func:`admin_directives`, chosen per request by
:class:`ContentSecurityPolicyMiddleware`. ``X_FRAME_OPTIONS`` is ``DENY``; only the admin's own
answers get ``SAMEORIGIN`` (:class:`AdminFramingMiddleware`), for the preview panel's iframe.

``CSP_REPORT_ONLY=true`` sends the same policies as ``Content-Security-Policy-Report-Only``.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.functional import empty

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Views whose stylesheets draw icons as data: images (Swagger UI on the API docs); an image runs no script.
DATA_IMAGE_VIEWS = {"api_docs"}
# Any name will do: only the origin of the URL the storage gives it is used.
STORAGE_PROBE_NAME = "images/csp-probe.png"


def origin_of(url):
    """``scheme://host[:port]`` of an absolute http(s) URL, else None."""
    parts = urlsplit(url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def public_directives(report_uri=None):
    """The public site's policy: this origin only, no inline script or style, never framed."""
    directives = {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
    if report_uri:
        directives["report-uri"] = [report_uri]
    return directives


def admin_directives(report_uri=None, preview_url=None):
    """The admin's policy: Wagtail's inline scripts and styles, its own preview frame, nothing from outside.

    With a headless front end shown in the preview iframe (``HEADLESS_PREVIEW_URL``), its origin may be framed.
    """
    frame_sources = [SELF]
    if origin_of(preview_url):
        frame_sources.append(origin_of(preview_url))
    directives = {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, "blob:"],
        "frame-src": frame_sources,
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
    }
    if report_uri:
        directives["report-uri"] = [report_uri]
    return directives


_media_origins_cache = {}


def media_origins():
    """Origins other than this one that image files are served from (object storage, CDN, MEDIA_URL).

    Asked of the storage once per storage object (a settings change makes a new one).
    """
    if default_storage._wrapped is empty:
        default_storage._setup()
    key = (id(default_storage._wrapped), settings.MEDIA_URL)
    if key not in _media_origins_cache:
        origins = {origin_of(settings.MEDIA_URL)}
        try:
            origins.add(origin_of(default_storage.url(STORAGE_PROBE_NAME)))
        except Exception:  # noqa: BLE001 - a storage that cannot make a URL links no file either
            pass
        _media_origins_cache[key] = sorted(origin for origin in origins if origin)
    return _media_origins_cache[key]


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin and media origins added to images."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        policy = getattr(
            settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY", None
        )
        if not policy:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts = PolicyParts(
                default_config(settings.ADMIN_CONTENT_SECURITY_POLICY), parts.update, parts.replace, parts.nonce
            )
        extra_images = media_origins()
        if getattr(request.resolver_match, "url_name", None) in DATA_IMAGE_VIEWS:
            extra_images = [*extra_images, "data:"]
        if extra_images:
            parts.update = {
                **(parts.update or {}),
                "img-src": [*(parts.update or {}).get("img-src", ()), *extra_images],
            }
        return parts


class AdminFramingMiddleware:
    """``X-Frame-Options: SAMEORIGIN`` on the admin's own answers (its preview panel frames them); DENY stays elsewhere.

    Placed after (inside) Django's XFrameOptionsMiddleware, which leaves a header it finds in place.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_path(request.path_info) and "X-Frame-Options" not in response:
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
