"""What every search request and the story filters look up and rarely change, kept in Django's cache.

Vocabulary labels (``{slug: name}`` per vocabulary and locale) and the known
locales go through the ``default`` cache (``CACHES``, ``CACHE_URL``), so every
worker sharing that cache shares the answers. ``search.signals`` drops them when
a violation type, a neighbourhood or a locale changes; the timeout only bounds
what a change made behind the signals' back (raw SQL) can leave stale.
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale

TIMEOUT = 10 * 60
VOCABULARIES = ("violation_type", "neighbourhood")
_PREFIX = "munasara:vocabulary:"


def _languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _labels_key(name, locale):
    return f"{_PREFIX}labels:{name}:{locale}"


def _locale_key(code):
    return f"{_PREFIX}locale:{code}"


def vocabulary_labels(name, locale):
    """``{slug: name}`` of the ``violation_type`` or ``neighbourhood`` vocabulary in one locale."""
    if name not in VOCABULARIES:
        raise ValueError(f"{name!r} is not a vocabulary; use one of {', '.join(VOCABULARIES)}")
    key = _labels_key(name, locale)
    labels = cache.get(key)
    if labels is None:
        from core.models import Neighbourhood, ViolationType

        model = ViolationType if name == "violation_type" else Neighbourhood
        labels = dict(model.objects.filter(locale__language_code=locale).values_list("slug", "name"))
        cache.set(key, labels, TIMEOUT)
    return labels


def locale_exists(code):
    """Whether a Wagtail locale with this language code exists."""
    key = _locale_key(code)
    if cache.get(key):
        return True
    exists = Locale.objects.filter(language_code=code).exists()
    if exists:  # Only a positive answer is kept: a locale added later is accepted at once.
        cache.set(key, True, TIMEOUT)
    return exists


def _language_key(locale_id):
    return f"{_PREFIX}language:{locale_id}"


def language_of(locale_id):
    """The language code of the Wagtail locale with this id (None when there is none)."""
    key = _language_key(locale_id)
    code = cache.get(key)
    if code is None:
        code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
        if code is not None:
            cache.set(key, code, TIMEOUT)
    return code


def forget_vocabulary():
    cache.delete_many([_labels_key(name, code) for name in VOCABULARIES for code in _languages()])


def forget_locales():
    cache.delete_many([_locale_key(code) for code in _languages()])
    cache.delete_many([_language_key(pk) for pk in Locale.objects.values_list("pk", flat=True)])
