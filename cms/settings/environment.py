"""Reading the environment: the only place settings get their values from (12-factor).

Each helper names the variable in its error, so a bad value stops the start with a message saying what
to fix.
"""

import os

from django.core.exceptions import ImproperlyConfigured


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


def env_int(name, default):
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}={value!r}: a whole number.") from error


def env_seconds(name, default):
    value = env(name, default)
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name}={value!r}: a number of seconds, 0 or more.")
    return int(value)
