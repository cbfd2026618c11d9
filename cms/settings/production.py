from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SALT_KEY, SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", False)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not SALT_KEY:
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY must be set in production (it encrypts survivor records).")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
MUNASARA_DEMO_ADMIN = False
