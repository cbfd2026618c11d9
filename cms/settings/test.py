import os

from .base import *  # noqa: F403
from .base import STORAGES, WAGTAILSEARCH_BACKENDS, env, env_bool, env_list

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "test-only-not-secret-munasara")
SALT_KEY = env_list("FIELD_ENCRYPTION_KEY", "test-only-field-encryption-key-munasara")
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Emails are delivered when the transaction commits; tests/supporters runs the database queue itself.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
MUNASARA_DEMO_ADMIN = False

# Each test session writes to its own indexes (deleted at the end by tests/conftest.py),
# so a test run never touches a developer's or another run's data.
if "public" in WAGTAILSEARCH_BACKENDS:
    WAGTAILSEARCH_BACKENDS["public"]["INDEX_PREFIX"] = f"test_munasara_{os.getpid()}_"

# A developer's CACHE_URL never reaches the tests: each test process has its own memory cache.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "munasara-tests"}}
# The response cache answers a repeated request without touching the database, which would change what the
# query-count tests measure; tests/caching turns it on. RESPONSE_CACHE=true runs the whole suite with it.
RESPONSE_CACHE = env_bool("RESPONSE_CACHE", False)
# Likewise the page data cache: tests build and roll back pages whose ids and paths repeat.
PAGE_DATA_CACHE = env_bool("PAGE_DATA_CACHE", False)

# Tests never call a real machine translation service, whatever the developer's DEEPL_API_KEY.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
# Each search's count is written at once, so a test reads it back without a flush.
SEARCH_QUERY_REPORT_FLUSH_SECONDS = 0
