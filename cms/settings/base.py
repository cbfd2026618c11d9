"""Settings shared by every environment.

Configuration comes from the environment (12-factor); this package is the only
place that reads ``os.environ``. With nothing set the site runs on the embedded
default: a SQLite file in the project folder and Wagtail's database search
backend.
"""

from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from search.backends import engines as search_engines

from .environment import env, env_bool, env_int, env_list, env_seconds  # noqa: F401 (dev, test, production use them)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"


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
    "supporters",
    "monitoring",
    "search",
    "caching",
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
    "django_countries",  # country names in petitions and letters (supporters), translated
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Staff accounts: lockout after failed logins, and TOTP second factor (cms/two_factor.py).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_2fa",
    # The queue of background tasks in the database (the mailer process delivers supporters' emails).
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First, so that its headers reach every answer, the preflight it answers itself included.
    "corsheaders.middleware.CorsMiddleware",
    "cms.middleware.ApiJsonErrorMiddleware",
    "cms.middleware.ApiHttpCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The public and the admin Content Security Policy (cms/security.py); outside the response cache.
    "cms.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.PublicLocaleMiddleware",
    # Before CSRF, so every POST counts; after the locale, so the 429 page speaks the visitor's language.
    "cms.ratelimits.PublicPostRateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: the second factor for staff in the admin (cms/two_factor.py).
    "cms.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the locale, the user and the messages are known; inside the middlewares above, so what they
    # add per request (CORS, API Cache-Control, security headers) is added to cached answers too.
    "cms.response_cache.ResponseCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside Django's: SAMEORIGIN for the admin's own answers (its preview frame), DENY elsewhere.
    "cms.security.AdminFramingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Routes a page request from the remembered site and home page (cms/page_routing.py).
    "cms.page_routing.PageRoutingMiddleware",
    # Last, as django-axes asks: turns a refused login of a locked-out account into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
# URL prefixes outside i18n_patterns: no language redirect there.
UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/jsi18n/",
    "/.well-known/",
)

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
        # A kept connection is checked before reuse, so a worker that sat idle through a database
        # restart reconnects instead of failing its first request (bench/faults.py).
        conn_health_checks=True,
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

# Staff sign-in, uploads, security headers, rate limits, security.txt (cms/settings/hardening.py).
from .hardening import *  # noqa: E402, F403

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
# Media on S3-compatible object storage (django-storages) when a bucket is named, so that every web
# worker sees the same files. Objects are private: image files are read through signed URLs that
# expire, and documents never get a bucket URL at all (WAGTAILDOCS_SERVE_METHOD below), since
# Wagtail's document view is what checks that a public page links the document.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    _signed_url_seconds = env_seconds("AWS_QUERYSTRING_EXPIRE", "3600")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            # Unset: boto3's own credential chain (an instance or pod role).
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            # A CDN in front of the bucket serves unsigned URLs; it must be given images/ and
            # original_images/ only, never documents/ (README, "Scaling out").
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": _signed_url_seconds,
            "file_overwrite": False,
        },
    }
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)
# Where `manage.py backup` writes its timestamped folders and `restore_drill` looks for the latest.
BACKUP_ROOT = Path(env("BACKUP_ROOT", str(BASE_DIR / "backups")))
# Documents are streamed by Wagtail's view (which runs the before_serve_document privacy check) on
# every storage, instead of a redirect to the storage's own URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Mail: EMAIL_URL such as smtp://user:pass@host:587/?tls=True; console by default.
_email = dj_email_url.parse(env("EMAIL_URL", "console://"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
# EMAIL_URL=file:////tmp/mails (four slashes for an absolute path) writes each email to a file in that folder.
EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"] or None
# Seconds before a silent SMTP server counts as a failed send (the mailer then retries it later).
EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT") or env_int("EMAIL_TIMEOUT", 30)
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
        # A cluster: ELASTICSEARCH_URL may list several nodes, comma-separated.
        "URLS": env_list("ELASTICSEARCH_URL"),
        "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX,
        "TIMEOUT": int(env("ELASTICSEARCH_TIMEOUT", "5")),
        "ATOMIC_REBUILD": True,
        # Wagtail's own signal handlers would log and drop failed updates;
        # search/outbox.py queues them durably instead.
        "AUTO_UPDATE": False,
    }
# Seconds a client is told to wait (Retry-After) when the engine is down.
SEARCH_RETRY_AFTER = int(env("SEARCH_RETRY_AFTER", "30"))
# Seconds each process holds its search query counts before writing them in one batch
# (search/query_report.py); 0 writes every search at once.
SEARCH_QUERY_REPORT_FLUSH_SECONDS = env_seconds("SEARCH_QUERY_REPORT_FLUSH_SECONDS", "30")


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


# The search keeps vocabulary labels and known locales in Django's cache (core/vocabulary_cache.py),
# dropped by signals when a term or a locale changes. The default memory cache is per process;
# with several workers, point CACHE_URL at a shared Redis or Memcached so one change reaches all.
# REDIS_URL wins over CACHE_URL: it is what `scripts/services.sh` and the deployment export, and it
# goes through django-redis, which can ignore Redis errors (the response cache must treat Redis down
# as a miss, never a 5xx; Django's own RedisCache raises). CACHE_URL stays for Memcached and older setups.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL={REDIS_URL!r}: use redis://host:6379/0, rediss://… or unix://….")
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "munasara",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                # A Redis that does not answer must cost a page little: fail fast, then render uncached.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions read from Redis and are written to the database too, so a Redis restart logs no one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": _cache_from_url(env("CACHE_URL"))}

# Background work runs in-process until a worker exists.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # Supporters' emails (supporters/tasks.py) wait in the database for the Procfile's `mailer`
    # (manage.py db_worker --backend mail), which retries a refused send later.
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Supporters (supporters/): sign-up rate limits per client address and per email address, and the
# delays in seconds between attempts to deliver an email the SMTP server refused.
SUPPORTERS_RATE_PER_IP = env("SUPPORTERS_RATE_PER_IP", "10/h")
SUPPORTERS_RATE_PER_EMAIL = env("SUPPORTERS_RATE_PER_EMAIL", "3/h")
SUPPORTERS_MAIL_RETRY_DELAYS = [60, 300, 1800, 7200, 21600]
SUPPORTERS_MAIL_MAX_ATTEMPTS = 20
SUPPORTERS_CONFIRM_MAX_AGE_DAYS = 7
SUPPORTERS_UNSUBSCRIBED_RETENTION_DAYS = 30

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
# The full-response cache of anonymous pages and API GETs (cms/response_cache.py, purged by caching/).
RESPONSE_CACHE = env_bool("RESPONSE_CACHE", True)
# What serving a page reads on every request (its home, its route, its frame of versions, ancestors and
# sections), remembered in the same cache under the same purge tokens (core/memo.py, caching/memo.py).
PAGE_DATA_CACHE = env_bool("PAGE_DATA_CACHE", True)
# Seconds browsers and shared caches may keep an anonymous HTML page; seconds our cache keeps an answer
# (it is purged on every change that touches it, so this only bounds what a change behind our back leaves).
PAGE_CACHE_MAX_AGE = env_seconds("PAGE_CACHE_MAX_AGE", "300")
RESPONSE_CACHE_TIMEOUT = env_seconds("RESPONSE_CACHE_TIMEOUT", "3600")
if AWS_STORAGE_BUCKET_NAME and not env("AWS_S3_CUSTOM_DOMAIN"):
    # A cached page carries image URLs signed when it was rendered: it must be dropped, by us and by
    # browsers, well before they expire, or visitors would get pages with broken images.
    RESPONSE_CACHE_TIMEOUT = min(RESPONSE_CACHE_TIMEOUT, _signed_url_seconds // 2)
    PAGE_CACHE_MAX_AGE = min(PAGE_CACHE_MAX_AGE, _signed_url_seconds // 2)
# A CDN or caching proxy in front of the site (wagtail.contrib.frontend_cache): the URLs a change touches
# are sent there as HTTP PURGE requests through the durable outbox in caching/. Unset: no CDN purge.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL and not FRONTEND_CACHE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"FRONTEND_CACHE_URL={FRONTEND_CACHE_URL!r}: an absolute http(s) URL.")
WAGTAILFRONTENDCACHE = (
    {"default": {"BACKEND": "caching.frontend.StrictHTTPBackend", "LOCATION": FRONTEND_CACHE_URL}}
    if FRONTEND_CACHE_URL
    else {}
)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Errors answer {"message": …} like Wagtail's API, not DRF's {"detail": …}.
    "EXCEPTION_HANDLER": "cms.api_validation.api_exception_handler",
}

# Logs and error reports (cms/settings/logs.py).
from .logs import *  # noqa: E402, F403
