from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SALT_KEY, SECRET_KEY, env_bool, env_int

DEBUG = env_bool("DEBUG", False)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not SALT_KEY:
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY must be set in production (it encrypts survivor records).")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only (manage.py check --deploy is clean with these defaults; tests/cms/test_security_deploy.py).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Health probes reach a worker over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading asks browser makers to hard-code HTTPS for the whole domain, for months even after it is
# withdrawn: the domain's owner opts in (SECURE_HSTS_PRELOAD=true), so the check that suggests it is off.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "security.W021"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # The admin's own answers get SAMEORIGIN (cms/security.py).
# Django serves no media in production: images come from object storage or a proxy; documents only
# through Wagtail's view (/documents/), which checks the collection's privacy.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
MUNASARA_DEMO_ADMIN = False
