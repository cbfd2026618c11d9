"""Where the translations of the site's content stand, per target language.

The source language's pages (except the tree root) and translatable snippets are the sources. For
each target language a source is reported when it has

- **no translation**: nothing in that language, or only an alias of the source (which shows the
  source's own text);
- **an out-of-date translation**: see :mod:`localization.freshness`;
- **an unpublished translation**: the translation is not live while its source is (readers of that
  language miss it). Only pages and snippets with a draft state can be unpublished.

A source can be reported both out of date and unpublished in one language.
"""

from dataclasses import dataclass, field

from django.db.models import Model
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

from core.i18n import SOURCE_LANGUAGE, language_codes

from . import freshness

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
UNPUBLISHED = "unpublished"
STATE_LABELS = {MISSING: _("No translation"), OUT_OF_DATE: _("Out of date"), UNPUBLISHED: _("Not published")}


@dataclass
class Entry:
    """One source in one target language, in one of the states above."""

    state: str
    locale: Locale
    source: Model
    target: Model | None = None
    #: wagtail-localize's translation the target is written from, if any.
    translation: Translation | None = None
    #: The source changed since its last sync: "Sync translated pages" brings the change in.
    source_changed: bool = False

    @property
    def is_page(self):
        return isinstance(self.source, Page)

    @property
    def type_label(self):
        return capfirst(self.source._meta.verbose_name)

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @cached_property
    def progress(self):
        """``(translated strings, strings)`` of a wagtail-localize translation, else None."""
        if self.translation is None:
            return None
        total, done = self.translation.get_progress()
        return done, total


@dataclass
class TranslationStatus:
    locales: list
    entries: list = field(default_factory=list)

    def in_state(self, locale, state):
        return [entry for entry in self.entries if entry.locale == locale and entry.state == state]

    def counts(self, locale):
        return {state: len(self.in_state(locale, state)) for state in STATE_LABELS}


def source_locale():
    return Locale.objects.get(language_code=SOURCE_LANGUAGE)


def target_locales():
    order = language_codes()
    locales = Locale.objects.exclude(language_code=SOURCE_LANGUAGE)
    return sorted(
        locales, key=lambda locale: order.index(locale.language_code) if locale.language_code in order else 99
    )


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def source_objects(locale=None):
    """The source language's pages (tree order) and translatable snippets."""
    locale = locale or source_locale()
    pages = Page.objects.filter(locale=locale, depth__gt=1, alias_of__isnull=True).order_by("path")
    snippets = [obj for model in translatable_snippet_models() for obj in model._default_manager.filter(locale=locale)]
    return list(pages.specific()) + snippets


def translation_status(sources=None, locales=None):
    """The :class:`TranslationStatus` of ``sources`` (default: every source) in ``locales`` (default: all targets)."""
    locales = target_locales() if locales is None else list(locales)
    sources = source_objects() if sources is None else list(sources)
    return TranslationStatus(locales=locales, entries=list(_entries(sources, locales)))


def _entries(sources, locales):
    targets = _targets(sources, locales)
    translations = _translations(sources, locales)
    written = freshness.last_written({translation.source for translation in translations.values()})
    changed = {}
    for source in sources:
        for locale in locales:
            key = (source.translation_key, locale.pk)
            target = targets.get((source.get_translation_model(), *key))
            if target is None or getattr(target, "alias_of_id", None):
                yield Entry(MISSING, locale, source, target)
                continue
            translation = translations.get(key)
            if translation is None:
                out_of_date = freshness.hand_made_translation_out_of_date(source, target)
                source_changed = False
            else:
                snapshot = translation.source
                if snapshot.pk not in changed:
                    changed[snapshot.pk] = freshness.source_changed_since_sync(source, snapshot)
                source_changed = changed[snapshot.pk]
                out_of_date = source_changed or freshness.written_before_sync(
                    snapshot, written.get((snapshot.pk, locale.pk))
                )
            if out_of_date:
                yield Entry(OUT_OF_DATE, locale, source, target, translation, source_changed)
            if isinstance(target, DraftStateMixin) and not target.live and source.live:
                yield Entry(UNPUBLISHED, locale, source, target, translation, source_changed)


def _targets(sources, locales):
    """``{(translation model, translation key, locale id): object}`` of the sources' translations."""
    keys_by_model = {}
    for source in sources:
        keys_by_model.setdefault(source.get_translation_model(), set()).add(source.translation_key)
    targets = {}
    for model, keys in keys_by_model.items():
        for target in model._default_manager.filter(translation_key__in=keys, locale__in=locales):
            targets[(model, target.translation_key, target.locale_id)] = target
    return targets


def _translations(sources, locales):
    """``{(translation key, target locale id): Translation}``: the enabled ones from each source's own snapshot."""
    source_locales = {(source.translation_key, source.locale_id) for source in sources}
    found = Translation.objects.filter(
        source__object_id__in={key for key, _locale in source_locales}, target_locale__in=locales, enabled=True
    ).select_related("source")
    return {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in found
        if (translation.source.object_id, translation.source.locale_id) in source_locales
    }
