"""Logs and error reports: every record through one handler that removes personal data; Sentry when set.

Imported by ``cms.settings.base``.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import env

# Logs: one line per record on stderr, plain text or (LOG_FORMAT=json, for a log collector) one JSON
# object per line. Every record, gunicorn's access log included (gunicorn.conf.py), goes through the
# one handler and its filter, which removes personal data (cms/log_filters.py).
LOG_FORMAT = env("LOG_FORMAT", "plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use plain or json.")
_THROUGH_CONSOLE_ONLY = {"handlers": ["console"], "level": "INFO", "propagate": False}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "cms.log_filters.PersonalDataFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["personal_data"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (console under DEBUG, mail to ADMINS) would bypass the filter.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {**_THROUGH_CONSOLE_ONLY},
        "gunicorn.error": {**_THROUGH_CONSOLE_ONLY},
        "gunicorn.access": {**_THROUGH_CONSOLE_ONLY},
        "django.db.backends": {"level": "INFO"},
        "elastic_transport": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
        # Every index update is a task; one line each would drown the log.
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}

# Error reports to Sentry, only when SENTRY_DSN is set, with personal data scrubbed (cms/sentry.py).
SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    from cms.sentry import init_sentry

    try:
        _traces_sample_rate = float(env("SENTRY_TRACES_SAMPLE_RATE", "0"))
    except ValueError as error:
        raise ImproperlyConfigured("SENTRY_TRACES_SAMPLE_RATE: a number between 0 and 1.") from error
    init_sentry(
        SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", "production"),
        release=env("SENTRY_RELEASE"),
        traces_sample_rate=_traces_sample_rate,
    )
