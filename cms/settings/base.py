"""Settings shared by every environment.

Configuration comes from the environment (12-factor); this package is the only
place that reads ``os.environ``. With nothing set the site runs on the embedded
default: a SQLite file in the project folder and Wagtail's database search
backend.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from search.backends import engines as search_engines

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in (env(name) or default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# django-fernet-encrypted-fields derives its keys from SECRET_KEY and SALT_KEY. FIELD_ENCRYPTION_KEY is
# a comma-separated list: the first key encrypts, every key decrypts (for rotation, see README).
SALT_KEY = env_list("FIELD_ENCRYPTION_KEY")

INSTALLED_APPS = [
    "core",
    "home",
    "campaigns",
    "stories",
    "search",
    "roles",
    "localization",
    "archive",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail_headless_preview",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular_sidecar",  # Swagger UI's files for /api/v2/docs/ (cms/openapi)
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that its headers reach every answer, the preflight it answers itself included.
    "corsheaders.middleware.CorsMiddleware",
    "cms.middleware.ApiJsonErrorMiddleware",
    "cms.middleware.ApiHttpCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.PublicLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
# URL prefixes outside i18n_patterns: no language redirect there.
UNPREFIXED_PATHS = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/jsi18n/")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL, or a SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles a query it expects to be costly (JIT), which takes longer than running the
    # short queries a page or an API answer makes: measured 19 of a story detail's 30 ms (bench/README.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Arabic is the default and the source locale; English and French
# are translation targets.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("fr", _("French")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ar", "العربية"), ("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our Arabic date and number formats ("3 حزيران 2024"); other languages keep Django's.
FORMAT_MODULE_PATH = ["cms.formats"]
# Wagtail's login form leaves the password label untranslated (cms/admin_login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_login.AdminLoginForm"
TIME_ZONE = "Asia/Jerusalem"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Mail: EMAIL_URL such as smtp://user:pass@host:587/?tls=True; console by default.
_email = dj_email_url.parse(env("EMAIL_URL", "console://"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "munasara@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: the public search (page /<lang>/search/ and /api/v2/search/) runs on
# Elasticsearch/OpenSearch when ELASTICSEARCH_URL is set, else on the database.
# The "default" backend (admin search, the pages API ?search=) is always the
# database: it must see drafts, and it stays in step inside each transaction.
# The engine backend ("public") holds public pages only and is fed through the
# durable queue in search/outbox.py and search/indexer.py (see search/README.md).
# ELASTICSEARCH_ENGINE names a backend through search/backends/engines.py, the one
# mapping (and the one default) that the tests and benchmarks read too.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_ENGINE = env("ELASTICSEARCH_ENGINE", search_engines.DEFAULT_ENGINE)
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "munasara_")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database"},
}
if ELASTICSEARCH_URL:
    try:
        _engine_backend = search_engines.backend_path(ELASTICSEARCH_ENGINE)
    except search_engines.UnknownEngineError as error:
        raise ImproperlyConfigured(str(error)) from error
    WAGTAILSEARCH_BACKENDS["public"] = {
        "BACKEND": _engine_backend,
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX,
        "TIMEOUT": int(env("ELASTICSEARCH_TIMEOUT", "5")),
        "ATOMIC_REBUILD": True,
        # Wagtail's own signal handlers would log and drop failed updates;
        # search/outbox.py queues them durably instead.
        "AUTO_UPDATE": False,
    }
# Seconds a client is told to wait (Retry-After) when the engine is down.
SEARCH_RETRY_AFTER = int(env("SEARCH_RETRY_AFTER", "30"))


def _cache_from_url(url):
    """CACHE_URL: unset or locmem:// (this process only), redis[s]://… or memcached://host:port[,host:port]."""
    scheme, _sep, rest = (url or "locmem://").partition("://")
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest or "munasara"}
    if scheme in ("redis", "rediss"):  # Needs the redis package.
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "memcached":  # Needs the pymemcache package.
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": rest.split(",")}
    raise ImproperlyConfigured(f"CACHE_URL={url!r}: use locmem://, redis://, rediss:// or memcached://.")


# The search keeps vocabulary labels and known locales in Django's cache (search/cached.py),
# dropped by signals when a term or a locale changes. The default memory cache is per process;
# with several workers, point CACHE_URL at a shared Redis or Memcached so one change reaches all.
CACHES = {"default": _cache_from_url(env("CACHE_URL"))}

# Background work runs in-process until a worker exists.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Munasara"
# The admin loads nothing from outside the machine: no avatars from gravatar.com, no version check
# against releases.wagtail.org (Wagtail's defaults do both on every admin page).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Unset: the API's absolute URLs use the host each request came to (a proxy must pass the Host
# header on). Set it when the API must always name one public address.
WAGTAILAPI_BASE_URL = env("WAGTAILAPI_BASE_URL")
# Preview for a headless front end (core/headless_preview.py, cms/api_preview.py): when set, the admin's
# Preview sends the editor to this front-end address with a signed token, and the front end fetches the
# draft from /api/v2/page_preview/. Unset: Preview shows the page with our own templates.
HEADLESS_PREVIEW_URL = env("HEADLESS_PREVIEW_URL")
if HEADLESS_PREVIEW_URL and not HEADLESS_PREVIEW_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"HEADLESS_PREVIEW_URL={HEADLESS_PREVIEW_URL!r}: an absolute http(s) URL.")
# Seconds a preview token stays valid.
_preview_max_age = env("HEADLESS_PREVIEW_TOKEN_MAX_AGE", "600")
if not _preview_max_age.isdigit():
    raise ImproperlyConfigured(f"HEADLESS_PREVIEW_TOKEN_MAX_AGE={_preview_max_age!r}: a number of seconds.")
HEADLESS_PREVIEW_TOKEN_MAX_AGE = int(_preview_max_age)
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL} if HEADLESS_PREVIEW_URL else {},
    # Wagtail 7.1+ frames a cross-origin front end itself; false nests it in an iframe of ours instead.
    "REDIRECT_ON_PREVIEW": env_bool("HEADLESS_PREVIEW_REDIRECT", True),
}
# A translation starts as a draft whatever its source's state: only a user who may publish makes it live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: DeepL when DEEPL_API_KEY is set (a key ending in
# ":fx" uses DeepL's free API), otherwise none and no button. dev and test use wagtail-localize's
# dummy translator instead. Machine output is recorded as such and goes through review like the rest.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_API_KEY"), "TIMEOUT": 30},
    }
    if env("DEEPL_API_KEY")
    else None
)
WAGTAILAPI_LIMIT_MAX = 50
# Seconds browsers and shared caches may keep an anonymous API answer (cms.middleware.ApiHttpCacheMiddleware).
try:
    API_CACHE_MAX_AGE = int(env("API_CACHE_MAX_AGE", "300"))
except ValueError as error:
    raise ImproperlyConfigured(f"API_CACHE_MAX_AGE={env('API_CACHE_MAX_AGE')!r}: a number of seconds.") from error
if API_CACHE_MAX_AGE < 0:
    raise ImproperlyConfigured(f"API_CACHE_MAX_AGE={API_CACHE_MAX_AGE}: a number of seconds, 0 or more.")
# Front ends on other origins may read the API (django-cors-headers): only the listed origins,
# only under /api/, only reading. ETag is exposed for their own conditional requests.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Errors answer {"message": …} like Wagtail's API, not DRF's {"detail": …}.
    "EXCEPTION_HANDLER": "cms.api_validation.api_exception_handler",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "elastic_transport": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
        # Every index update is a task; one line each would drown the log.
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}
