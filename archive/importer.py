"""Import an archive of stories (the unit's JSON export) into the page tree.

The archive is ``{"stories": [...], "incidents": [...]}``. Each story becomes a
``StoryPage`` in its own locale (Arabic in practice) with linked translations
under the story index of every other locale it has text for. The private part
of a record goes into ``SurvivorRecord``, never onto a page.

The whole file is checked before anything is written; every problem is
reported as ``<key>: <field>: <what is wrong>``. Writing happens in one
transaction, so a failure half-way leaves the database as it was. Records are
matched by ``key`` (``StoryPage.import_key``), so running an import again
updates the pages instead of adding new ones.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from core.i18n import SOURCE_LANGUAGE, language_codes, page_translation, translate_page

from .site import ensure_site_structure

KEY_MAX_LENGTH = 100
TITLE_MAX_LENGTH = 255
SUMMARY_MAX_LENGTH = 600
PRIVATE_MAX_LENGTH = 255
SLUG_MAX_LENGTH = 80
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ArchiveError(Exception):
    """The archive cannot be imported; ``errors`` lists every problem found."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class StoryText:
    title: str
    summary: str
    body: list


@dataclass
class StoryRecord:
    key: str
    locale: str
    date: datetime.date
    neighbourhood: str | None
    violation_types: list
    text: StoryText
    consent_status: str
    consent_anonymised: bool
    consent_recorded_on: datetime.date | None
    consent_method: str
    private: dict | None
    translations: dict = field(default_factory=dict)


@dataclass
class ImportSummary:
    stories: int = 0
    created: int = 0
    updated: int = 0
    published: int = 0
    drafts: int = 0
    taken_offline: int = 0
    translations_created: int = 0
    translations_updated: int = 0
    skipped_incidents: int = 0

    @property
    def translations(self):
        return self.translations_created + self.translations_updated

    def lines(self):
        return [
            _("Stories: %(total)d (%(created)d created, %(updated)d updated)")
            % {"total": self.stories, "created": self.created, "updated": self.updated},
            _("Published: %(published)d; left as drafts: %(drafts)d; taken offline: %(offline)d")
            % {"published": self.published, "drafts": self.drafts, "offline": self.taken_offline},
            _("Translations: %(total)d (%(created)d created, %(updated)d updated)")
            % {
                "total": self.translations,
                "created": self.translations_created,
                "updated": self.translations_updated,
            },
            _("Skipped %(count)d incidents (no incidents model yet)") % {"count": self.skipped_incidents},
        ]


# ---------------------------------------------------------------------------
# Reading and validation (no writes)
# ---------------------------------------------------------------------------


def load_archive(path):
    """The parsed JSON of the file at ``path``; ArchiveError if it cannot be read or parsed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ArchiveError([_("%(path)s: cannot read the file: %(error)s") % {"path": path, "error": error}]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ArchiveError([_("%(path)s: not valid JSON: %(error)s") % {"path": path, "error": error}]) from None


class Vocabulary:
    """The taxonomy terms by (slug, language code), loaded once."""

    def __init__(self, neighbourhoods, violation_types):
        self.neighbourhoods = neighbourhoods
        self.violation_types = violation_types

    @classmethod
    def from_database(cls):
        from core.models import Neighbourhood, ViolationType

        def terms(model):
            return {(term.slug, term.locale.language_code): term for term in model.objects.select_related("locale")}

        return cls(terms(Neighbourhood), terms(ViolationType))


class _Checker:
    """Collects the problems of one record, each prefixed with the record's label."""

    def __init__(self, label, errors):
        self.label = label
        self.errors = errors
        self.failed = False

    def error(self, field_name, message):
        self.failed = True
        self.errors.append(f"{self.label}: {field_name}: {message}")

    def text(self, data, name, path, *, max_length, required=True):
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(path, _("missing"))
            return ""
        if not isinstance(value, str):
            self.error(path, _("must be text, not %(type)s") % {"type": _json_type(value)})
            return ""
        value = value.strip()
        if len(value) > max_length:
            self.error(
                path, _("longer than %(max)d characters (%(length)d)") % {"max": max_length, "length": len(value)}
            )
        return value

    def date(self, value, path, *, required=True):
        if value is None:
            if required:
                self.error(path, _("missing"))
            return None
        if not isinstance(value, str) or not DATE_PATTERN.match(value):
            self.error(path, _("%(value)s is not a date in the form YYYY-MM-DD") % {"value": _show(value)})
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.error(path, _("%(value)s is not a real date") % {"value": _show(value)})
            return None

    def paragraphs(self, data, name, path):
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, _("must be a list of paragraphs, not %(type)s") % {"type": _json_type(value)})
            return []
        paragraphs = []
        for index, paragraph in enumerate(value):
            if not isinstance(paragraph, str):
                self.error(f"{path}[{index}]", _("must be text, not %(type)s") % {"type": _json_type(paragraph)})
            elif paragraph.strip():
                paragraphs.append(paragraph.strip())
        return paragraphs

    def story_text(self, data, prefix=""):
        return StoryText(
            title=self.text(data, "title", prefix + "title", max_length=TITLE_MAX_LENGTH),
            summary=self.text(data, "summary", prefix + "summary", max_length=SUMMARY_MAX_LENGTH),
            body=self.paragraphs(data, "body", prefix + "body"),
        )

    def term(self, terms, slug, path, languages):
        """Check that ``slug`` names a term in every language the story is written in."""
        if not isinstance(slug, str) or not slug:
            self.error(path, _("must be a slug (text), not %(value)s") % {"value": _show(slug)})
            return
        missing = [code for code in languages if (slug, code) not in terms]
        if len(missing) == len(languages):
            self.error(path, _("unknown slug %(slug)s") % {"slug": _show(slug)})
        elif missing:
            self.error(
                path,
                _("slug %(slug)s has no term in %(languages)s")
                % {"slug": _show(slug), "languages": ", ".join(missing)},
            )


def _json_type(value):
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: _("a number"),
        float: _("a number"),
        str: _("text"),
        list: _("a list"),
        dict: _("an object"),
    }.get(type(value), type(value).__name__)


def _show(value):
    return repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def shape_errors(data):
    """Problems with the top level of the archive (checked before touching the database)."""
    if not isinstance(data, dict) or not isinstance(data.get("stories"), list):
        return [_('top level: expected an object with a "stories" list (and an optional "incidents" list)')]
    incidents = data.get("incidents", [])
    if not isinstance(incidents, list):
        return [_("incidents: expected a list, not %(type)s") % {"type": _json_type(incidents)}]
    return []


def validate_archive(data, vocabulary, languages=None):
    """Check the whole archive; return ``(stories, incident_count, errors)``.

    ``stories`` is a list of StoryRecord for the well-formed records; when
    ``errors`` is not empty nothing should be written.
    """
    from stories.services import CONSENT_GRANTED, CONSENT_METHODS, CONSENT_STATUSES

    languages = list(languages or language_codes())
    statuses = [value for value, _label in CONSENT_STATUSES]
    methods = [value for value, _label in CONSENT_METHODS]
    errors = shape_errors(data)
    if errors:
        return [], 0, errors
    incidents = data.get("incidents", [])

    stories = []
    first_use = {}
    for index, raw in enumerate(data["stories"]):
        label = f"stories[{index}]"
        if isinstance(raw, dict) and isinstance(raw.get("key"), str) and raw["key"].strip():
            label = raw["key"].strip()
        check = _Checker(label, errors)
        if not isinstance(raw, dict):
            check.error("record", _("expected an object, not %(type)s") % {"type": _json_type(raw)})
            continue

        key = check.text(raw, "key", "key", max_length=KEY_MAX_LENGTH)
        if key:
            if key in first_use:
                check.error("key", _("duplicate key (also used by stories[%(index)d])") % {"index": first_use[key]})
            else:
                first_use[key] = index

        locale = raw.get("locale", SOURCE_LANGUAGE)
        if locale not in languages:
            check.error(
                "locale",
                _("unknown locale %(locale)s (expected one of %(languages)s)")
                % {"locale": _show(locale), "languages": ", ".join(languages)},
            )
            locale = None

        text = check.story_text(raw)
        date = check.date(raw.get("date"), "date")

        translations = {}
        raw_translations = raw.get("translations") or {}
        if not isinstance(raw_translations, dict):
            check.error(
                "translations",
                _("expected an object by language code, not %(type)s") % {"type": _json_type(raw_translations)},
            )
            raw_translations = {}
        for code, raw_text in raw_translations.items():
            path = f"translations.{code}"
            if code not in languages:
                check.error(
                    path,
                    _("unknown locale %(locale)s (expected one of %(languages)s)")
                    % {"locale": _show(code), "languages": ", ".join(languages)},
                )
            elif code == locale:
                check.error(path, _("is the story's own locale; put that text in the record itself"))
            elif not isinstance(raw_text, dict):
                check.error(path, _("expected an object with title, summary and body"))
            else:
                translations[code] = check.story_text(raw_text, prefix=path + ".")

        story_languages = [code for code in [locale, *translations] if code]
        neighbourhood = raw.get("neighbourhood")
        if neighbourhood is not None and story_languages:
            check.term(vocabulary.neighbourhoods, neighbourhood, "neighbourhood", story_languages)
        violation_types = raw.get("violation_types") or []
        if not isinstance(violation_types, list):
            check.error(
                "violation_types", _("expected a list of slugs, not %(type)s") % {"type": _json_type(violation_types)}
            )
            violation_types = []
        for position, slug in enumerate(violation_types):
            if story_languages:
                check.term(vocabulary.violation_types, slug, f"violation_types[{position}]", story_languages)
        if len(set(map(str, violation_types))) != len(violation_types):
            check.error("violation_types", _("lists the same slug more than once"))

        consent = raw.get("consent")
        status = recorded_on = None
        anonymised, method = True, ""
        if not isinstance(consent, dict):
            check.error("consent", _("missing") if consent is None else _("expected an object"))
        else:
            status = consent.get("status")
            if status not in statuses:
                check.error(
                    "consent.status",
                    _("%(value)s is not one of %(statuses)s")
                    % {"value": _show(status), "statuses": ", ".join(statuses)},
                )
            anonymised = consent.get("anonymised", True)
            if not isinstance(anonymised, bool):
                check.error(
                    "consent.anonymised", _("must be true or false, not %(value)s") % {"value": _show(anonymised)}
                )
            recorded_on = check.date(consent.get("recorded_on"), "consent.recorded_on", required=False)
            if status == CONSENT_GRANTED and consent.get("recorded_on") is None:
                check.error("consent.recorded_on", _("required when consent is granted"))
            method = consent.get("method") or ""
            if method not in methods and method != "":
                check.error(
                    "consent.method",
                    _("%(value)s is not one of %(methods)s") % {"value": _show(method), "methods": ", ".join(methods)},
                )

        private = raw.get("private")
        if private is not None:
            if not isinstance(private, dict):
                check.error("private", _("expected an object"))
                private = None
            else:
                private = {
                    name: check.text(private, name, f"private.{name}", max_length=PRIVATE_MAX_LENGTH, required=False)
                    for name in ("survivor_name", "contact")
                }

        if not check.failed:
            stories.append(
                StoryRecord(
                    key=key,
                    locale=locale,
                    date=date,
                    neighbourhood=neighbourhood,
                    violation_types=violation_types,
                    text=text,
                    consent_status=status,
                    consent_anonymised=anonymised,
                    consent_recorded_on=recorded_on,
                    consent_method=method,
                    private=private,
                    translations=translations,
                )
            )
    return stories, len(incidents), errors


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def import_archive(path, *, publish=False, progress=None):
    """Validate and import the archive at ``path``; return an ImportSummary.

    ``publish``: publish the stories whose consent is granted (the others stay
    drafts). ``progress``: optional callable wrapping the list of records, e.g.
    a progress bar. Raises ArchiveError, with every problem found, when the file
    is not valid; then nothing is written.
    """
    data = load_archive(path)
    errors = shape_errors(data)
    if errors:
        raise ArchiveError(errors)
    with transaction.atomic():
        structure = ensure_site_structure()
        vocabulary = Vocabulary.from_database()
        stories, incident_count, errors = validate_archive(data, vocabulary)
        if errors:
            raise ArchiveError(errors)
        summary = ImportSummary(stories=len(stories), skipped_incidents=incident_count)
        records = progress(stories) if progress else stories
        for record in records:
            _import_story(record, structure["stories"], vocabulary, publish, summary)
    return summary


def _import_story(record, story_indexes, vocabulary, publish, summary):
    from stories.models import StoryPage, SurvivorRecord
    from stories.services import CONSENT_GRANTED, CONSENT_WITHDRAWN, withdraw_consent

    index = story_indexes[record.locale]
    source = StoryPage.objects.filter(import_key=record.key, locale=index.locale).first()
    created = source is None
    granted = record.consent_status == CONSENT_GRANTED

    if not created and not granted:
        # A public story whose consent is no longer granted goes offline in every language.
        live = StoryPage.objects.filter(translation_key=source.translation_key, live=True)
        if live.exists():
            if record.consent_status == CONSENT_WITHDRAWN:
                withdraw_consent(source)
            else:
                for page in live:
                    page.consent_status = record.consent_status
                    page.unpublish()
            summary.taken_offline += 1
            source.refresh_from_db()

    if created:
        source = StoryPage(import_key=record.key, locale=index.locale, live=False)
        # A translation left over from an earlier import keeps the story's identity.
        orphan = StoryPage.objects.filter(import_key=record.key).first()
        if orphan is not None:
            source.translation_key = orphan.translation_key
        _fill(source, record, record.text, vocabulary, record.locale)
        source.slug = find_available_slug(index, _slug(record.text.title, record.key))
        index.add_child(instance=source)
        summary.created += 1
    else:
        _fill(source, record, record.text, vocabulary, record.locale)
        if not source.live:
            source.save()
        summary.updated += 1
    published = _save(source, created, publish and granted)
    if published:
        summary.published += 1
    else:
        summary.drafts += 1

    if record.private is not None:
        SurvivorRecord.objects.update_or_create(story_translation_key=source.translation_key, defaults=record.private)

    for code, text in record.translations.items():
        locale = story_indexes[code].locale
        page = page_translation(source, locale)
        page_created = page is None
        page = translate_page(source, locale, import_key=record.key)
        _fill(page, record, text, vocabulary, code)
        if page_created:
            _rename_fresh_copy(page, _slug(text.title, record.key))
        if not page.live:
            page.save()
        _save(page, page_created, publish and granted)
        if page_created:
            summary.translations_created += 1
        else:
            summary.translations_updated += 1


def _fill(page, record, text, vocabulary, code):
    """Set the page's fields from the record, with taxonomy terms in the page's language ``code``."""
    from stories.models import StoryViolationType

    page.import_key = record.key
    page.title = text.title
    page.summary = text.summary
    page.body = [("paragraph", RichText(f"<p>{escape(paragraph)}</p>")) for paragraph in text.body]
    page.date = record.date
    page.neighbourhood = vocabulary.neighbourhoods[(record.neighbourhood, code)] if record.neighbourhood else None
    page.consent_status = record.consent_status
    page.consent_recorded_on = record.consent_recorded_on
    page.consent_method = record.consent_method
    page.anonymised = record.consent_anonymised

    existing = {link.violation_type_id: link for link in page.violation_type_links.all()} if page.pk else {}
    links = []
    for position, slug in enumerate(record.violation_types):
        term = vocabulary.violation_types[(slug, code)]
        link = existing.get(term.pk) or StoryViolationType(violation_type=term)
        link.sort_order = position
        links.append(link)
    page.violation_type_links = links


def _save(page, created, publish):
    """Save a revision of the page and publish it if asked; return whether it was published."""
    revision = page.save_revision(log_action="wagtail.create" if created else True)
    if publish:
        revision.publish()
        return True
    return False


def _rename_fresh_copy(page, slug):
    """Give a page just made by ``copy_for_translation`` (which keeps the source's slug) a slug of its own.

    Written straight to the row: the copy has never been public and has no
    children, so Page.save's slug-change handling (redirects from the old URL,
    descendant paths) has nothing to do.
    """
    from stories.models import StoryPage

    parent = page.get_parent()
    page.slug = find_available_slug(parent, slug, ignore_page_id=page.pk)
    page.set_url_path(parent)
    StoryPage.objects.filter(pk=page.pk).update(slug=page.slug, url_path=page.url_path)


def _slug(title, key):
    slug = slugify(title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-")
    return slug or slugify(key) or "story"
