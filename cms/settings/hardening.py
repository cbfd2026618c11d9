"""Security settings: staff sign-in (lockout, second factor), uploads, headers, rate limits, security.txt.

Imported by ``cms.settings.base``; production adds HTTPS on top (``cms.settings.production``).
"""

from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

from cms import security as security_headers

from .environment import env, env_bool, env_int, env_list

# Failed staff logins (Wagtail admin and Django admin): django-axes counts them per username and
# client address together (staff share an office address, so one person's typos never lock the
# others out) and refuses that pair for AXES_COOLOFF minutes after AXES_FAILURE_LIMIT failures.
# A successful login resets the count. The client address is REMOTE_ADDR unless TRUSTED_PROXY_COUNT
# says how many proxies of ours stand in front and append to X-Forwarded-For (cms/lockout.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
try:
    AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
    _axes_cooloff_minutes = int(env("AXES_COOLOFF", "15"))
    TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
except ValueError as error:
    raise ImproperlyConfigured(
        f"AXES_FAILURE_LIMIT, AXES_COOLOFF and TRUSTED_PROXY_COUNT are whole numbers: {error}"
    ) from error
if AXES_FAILURE_LIMIT < 1 or _axes_cooloff_minutes < 1 or TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("AXES_FAILURE_LIMIT and AXES_COOLOFF must be 1 or more, TRUSTED_PROXY_COUNT 0 or more.")
AXES_COOLOFF_TIME = timedelta(minutes=_axes_cooloff_minutes)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.lockout.lockout_response"
# Staff two-factor authentication (wagtail-2fa on django-otp, cms/two_factor.py): anyone may add a TOTP
# device; holders of "wagtailadmin.enable_2fa" (Legal reviewers, Publishers, superusers: roles/roles.py)
# must, and anyone with a device enters a code before any admin page.
WAGTAIL_2FA_REQUIRED = True

# Uploads are checked before anything is stored (cms/uploads.py): type by content, size, pixels.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
# Pixels (width × height × frames): a small file can decode to gigabytes (a decompression bomb).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("IMAGES_MAX_PIXELS", 40_000_000)
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENTS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)

# Security headers (cms/security.py). X-Frame-Options is DENY except for the admin's own answers.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env("SECURE_REFERRER_POLICY", "same-origin")
# Content Security Policy (django-csp 4): the public site's here, the admin's looser one chosen per path.
# CSP_REPORT_ONLY=true reports violations (to CSP_REPORT_URI when set) instead of blocking.
CSP_REPORT_URI = env("CSP_REPORT_URI")
CONTENT_SECURITY_POLICY = {"DIRECTIVES": security_headers.public_directives(CSP_REPORT_URI)}
CONTENT_SECURITY_POLICY_REPORT_ONLY = None
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = None, CONTENT_SECURITY_POLICY
ADMIN_CONTENT_SECURITY_POLICY = security_headers.admin_directives(CSP_REPORT_URI, env("HEADLESS_PREVIEW_URL"))
# Rate limits on every public POST (cms/ratelimits.py), per client address (as for the lockout, TRUSTED_PROXY_COUNT).
RATELIMIT_IP_META_KEY = "cms.lockout.client_ip"
RATELIMIT_PUBLIC_POST = env("RATELIMIT_PUBLIC_POST", "20/m")
RATELIMIT_PASSWORD_RESET = env("RATELIMIT_PASSWORD_RESET", "5/h")
# /.well-known/security.txt (cms/well_known.py): SECURITY_CONTACT (mailto:/https: URIs, comma-separated),
# else the site settings' contact email; Expires is SECURITY_TXT_EXPIRES_DAYS ahead.
SECURITY_CONTACT = env_list("SECURITY_CONTACT")
SECURITY_POLICY_URL = env("SECURITY_POLICY_URL")
SECURITY_TXT_EXPIRES_DAYS = env_int("SECURITY_TXT_EXPIRES_DAYS", 180)
