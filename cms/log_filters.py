"""Personal data never reaches a log line (``LOGGING`` attaches :class:`PersonalDataFilter` to every handler).

What Django, gunicorn and our code log can carry personal data: a 404's path, an access log's query
string and referer, an exception's message, the request object Django passes along. Before a
record is formatted the filter rewrites its message, traceback and extra attributes with
:func:`scrub`: email addresses and phone numbers are replaced, IP addresses cut to their network
(IPv4 /24, IPv6 /48), and the real names and contact details held in the survivor records
(``stories.SurvivorRecord``) are replaced wherever they appear, percent-encoded forms included.
Sentry events go through the same :func:`scrub` (``cms/sentry.py``).
"""

import ipaddress
import logging
import re
import threading
import time
from urllib.parse import quote, quote_plus

EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"
NAME_MASK = "[private]"

# "%40" is "@" in a query string or a referer as gunicorn logs them.
# The top-level domain is letters, so "app@1.2.3" (a release name) is not an address.
_EMAIL = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])", re.IGNORECASE)
# An international (+…, 00…) or local (0…) number of 7 to 15 digits, spaces, dots, dashes or
# parentheses between them; in a query string "+" is "%2B" and a space "%20" or "+". Dates
# (2024-03-14) do not start with 0 or +.
_PHONE = re.compile(r"(?<![\w%])(?:\+|%2B|00|0)\d(?:(?:[\s().+-]|%20)?\d){6,14}(?!\w)", re.IGNORECASE)
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
_IPV6_CANDIDATE = re.compile(r"(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])", re.IGNORECASE)

# Seconds another worker's change to the survivor records may take to reach this process's name list.
NAMES_REFRESH_SECONDS = 60
# Shorter values would hide ordinary words.
_MIN_PRIVATE_VALUE_LENGTH = 3


def _anonymise_ip(match, bits):
    try:
        network = ipaddress.ip_network(f"{match.group(0)}/{bits}", strict=False)
    except ValueError:
        return match.group(0)  # Not an address after all (a version number, a time).
    return str(network.network_address)


class SurvivorNames:
    """A pattern matching the survivor records' names and contact details, reloaded every minute
    and at once when this process saves or deletes a record.

    It is read while logging, so it never lets a failure out: before the app registry is ready,
    while it is being loaded (its own query may be logged), or when the database does not answer,
    the last pattern (or none) is used.
    """

    def __init__(self):
        self._pattern = None
        self._loaded_at = None
        self._lock = threading.Lock()
        self._loading = threading.local()
        self._signals_connected = False

    def invalidate(self, **kwargs):
        self._loaded_at = None

    def pattern(self):
        if self._loaded_at is not None and time.monotonic() - self._loaded_at < NAMES_REFRESH_SECONDS:
            return self._pattern
        if getattr(self._loading, "active", False) or not self._lock.acquire(blocking=False):
            return self._pattern
        self._loading.active = True
        try:
            self._reload()
        finally:
            self._loading.active = False
            self._lock.release()
        return self._pattern

    def _reload(self):
        from django.apps import apps

        if not apps.ready:
            return
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save

        from stories.models import SurvivorRecord

        if not self._signals_connected:
            for signal in (post_save, post_delete):
                signal.connect(self.invalidate, sender=SurvivorRecord, weak=False, dispatch_uid=f"log-names-{signal}")
            self._signals_connected = True
        # Even a failing query retries only after NAMES_REFRESH_SECONDS: a database outage must not
        # add a query to every log line.
        self._loaded_at = time.monotonic()
        try:
            # A savepoint inside a caller's transaction, so a failure here cannot break it.
            with transaction.atomic():
                values = SurvivorRecord.objects.values_list("survivor_name", "contact")
                private_values = {value.strip() for pair in values for value in pair if value}
        except Exception:  # No table yet (migrate), no database, no DB access (async, tests): keep the last.  # noqa: BLE001
            return
        self._pattern = _pattern_for(private_values)


def _pattern_for(values):
    forms = set()
    for value in values:
        if len(value) < _MIN_PRIVATE_VALUE_LENGTH:
            continue
        forms.update({value, quote(value), quote_plus(value), quote(value, safe="")})
    if not forms:
        return None
    # Longest first, so "Amal Haddad" wins over "Amal".
    alternatives = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(re.escape(form) for form in alternatives), re.IGNORECASE)


survivor_names = SurvivorNames()


def scrub(text):
    """``text`` without email addresses, phone numbers, full IP addresses and survivors' names or contacts."""
    if not text:
        return text
    names = survivor_names.pattern()
    if names is not None:
        text = names.sub(NAME_MASK, text)
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _IPV4.sub(lambda match: _anonymise_ip(match, 24), text)
    text = _IPV6_CANDIDATE.sub(lambda match: _anonymise_ip(match, 48), text)
    return _PHONE.sub(PHONE_MASK, text)


# What every LogRecord has; anything else was passed as ``extra`` (Django passes the request).
_RECORD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class PersonalDataFilter(logging.Filter):
    """Rewrites a record in place before any handler formats it: message, traceback, extras."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # Arguments that do not fit the message: keep the text alone.
            message = str(record.msg)
        record.msg, record.args = scrub(message), ()
        if record.exc_info:
            # Formatted here so the text can be scrubbed; formatters print exc_text when exc_info is gone.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        record.exc_text = scrub(record.exc_text)
        record.stack_info = scrub(record.stack_info)
        for name, value in list(vars(record).items()):
            if name in _RECORD_ATTRIBUTES or value is None or isinstance(value, (bool, int, float)):
                continue
            setattr(record, name, scrub(str(value)))
        return True
