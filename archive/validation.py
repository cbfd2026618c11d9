"""Checking an archive as a whole: its schema, then what only the database and the other records can tell.

:func:`validate` returns an :class:`Archive` ready for the writer, or raises ArchiveError listing every
problem found (schema and semantic together, in file order), so nothing is written from a bad file.
"""

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from core.i18n import SOURCE_LANGUAGE, language_codes

from . import streams
from .format import (
    ArchiveError,
    locate,
    schema_problems,
    show,
    sort_problems,
    top_level_problems,
)
from .records import KEYED_SECTIONS, build_archive, text_fields
from .references import FIXED_PAGES, KeyedPages, Vocabulary
from .site_settings import stored_source_texts


def validate(data, folder):
    """The archive ``data`` (parsed JSON from ``folder``) checked against the schema and the database."""
    problems = top_level_problems(data)
    if problems:
        raise ArchiveError(sort_problems(problems))
    schema_found, error_paths = schema_problems(data)
    checker = _Checker(data, Path(folder), error_paths)
    checker.check()
    problems = sort_problems([*schema_found, *checker.problems])
    if problems:
        raise ArchiveError(problems)
    return build_archive(data, Path(folder))


class _Checker:
    def __init__(self, data, folder, error_paths):
        self.data = data
        self.folder = folder
        self.error_paths = error_paths
        self.problems = []
        self.languages = language_codes()
        self.vocabulary = Vocabulary.from_database()
        self.existing = KeyedPages.from_database()
        self.image_keys = set()
        self.records = {}  # key → (kind, languages) of the archive's keyed records
        self.slugs = {}  # (kind, language, slug) → the record that gives it first

    def ok(self, *parts):
        """No schema problem at, above or below ``parts`` (so a check there would only repeat it)."""
        return not any(path[: len(parts)] == parts or parts[: len(path)] == path for path in self.error_paths)

    def intact(self, *parts):
        """No schema problem at or above ``parts`` (there may be some inside it)."""
        return not any(parts[: len(path)] == path for path in self.error_paths)

    def error(self, parts, message):
        self.problems.append(locate(self.data, list(parts), message))

    # --- the whole file --------------------------------------------------------------------------

    def check(self):
        self.check_images()
        self.collect_keys()
        settings_data = self.data.get("site_settings")
        if isinstance(settings_data, dict) and self.intact("site_settings"):
            self.check_site_settings(settings_data)
        for name, kind in (("home", "home"), ("about", "about")):
            if isinstance(self.data.get(name), dict):
                self.check_page(kind, (name,), self.data[name])
        sections = self.data.get("sections")
        if isinstance(sections, dict):
            for name, record in sections.items():
                if isinstance(record, dict):
                    self.check_page("section", ("sections", name), record)
        for section, kind in KEYED_SECTIONS.items():
            for index, record in enumerate(self._list(section)):
                if isinstance(record, dict):
                    self.check_page(kind, (section, index), record)

    def _list(self, section):
        value = self.data.get(section)
        return value if isinstance(value, list) else []

    def check_images(self):
        root = self.folder.resolve()
        seen = {}
        for index, image in enumerate(self._list("images")):
            if not isinstance(image, dict):
                continue
            key = image.get("key")
            if isinstance(key, str) and self.ok("images", index, "key"):
                if key in seen:
                    message = _("duplicate image key (also used by images[%(index)d])") % {"index": seen[key]}
                    self.error(("images", index, "key"), message)
                seen.setdefault(key, index)
                self.image_keys.add(key)
            name = image.get("file")
            if isinstance(name, str) and self.ok("images", index, "file"):
                problem = image_file_problem(root, name)
                if problem:
                    self.error(("images", index, "file"), problem)

    def collect_keys(self):
        first_use = {}
        for section, kind in KEYED_SECTIONS.items():
            for index, record in enumerate(self._list(section)):
                if not isinstance(record, dict) or not self.ok(section, index, "key"):
                    continue
                key = record["key"].strip()
                where = (section, index, "key")
                if key in FIXED_PAGES:
                    self.error(where, _("%(key)s is the name of a fixed page; choose another key") % {"key": show(key)})
                elif key in first_use:
                    message = _("duplicate key (also used by %(record)s)") % {"record": first_use[key]}
                    self.error(where, message)
                elif self.existing.kind(key) not in (None, kind):
                    message = _("already the key of a %(kind)s in the database") % {"kind": self.existing.kind(key)}
                    self.error(where, message)
                else:
                    first_use[key] = f"{section}[{index}]"
                    self.records[key] = (kind, self._record_languages(record, section, index))

    def _record_languages(self, record, section, index):
        locale = record.get("locale", SOURCE_LANGUAGE)
        codes = [locale] if locale in self.languages else []
        translations = record.get("translations")
        if isinstance(translations, dict) and self.intact(section, index, "translations"):
            codes += [code for code in translations if code in self.languages and code != locale]
        return codes

    def check_site_settings(self, values):
        from home.models import SiteSettings

        settings = {
            name: value for name, value in values.items() if name in _setting_names() and self.ok("site_settings", name)
        }
        try:
            SiteSettings(**settings).clean_fields(exclude=[name for name in _setting_names() if name not in settings])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.error(("site_settings", name), message)
        self.check_organisation_texts(values)

    def check_organisation_texts(self, values):
        """The organisation's details: the Arabic texts (the record's fields, over what is stored) and their
        translations, which mirror them as a translator's would."""
        fields = text_fields("organisation")
        stored = stored_source_texts()
        source = stored | {name: values[name] for name in fields if isinstance(values.get(name), str)}
        if any(name in values for name in fields) and not stored and "organisation_name" not in values:
            self.error(("site_settings", "organisation_name"), _("missing (the organisation details need a name)"))
        translations = values.get("translations")
        if not isinstance(translations, dict) or not self.intact("site_settings", "translations"):
            return
        for code, texts in translations.items():
            spot = ("site_settings", "translations", code)
            if code not in self.languages:
                self.error(spot, self._unknown_locale(code))
            elif code == SOURCE_LANGUAGE:
                self.error(spot, _("is the site settings' own language; put that text in site_settings itself"))
            elif isinstance(texts, dict):
                for name in fields:
                    if not self.ok(*spot, name):
                        continue
                    has_source, has_translation = _has_text(source.get(name)), _has_text(texts.get(name))
                    if has_source and not has_translation:
                        self.error((*spot, name), _("missing (the source text has it)"))
                    elif has_translation and not has_source:
                        self.error((*spot, name), _("the source text has none to translate"))

    # --- one page --------------------------------------------------------------------------------

    def check_page(self, kind, where, record):
        locale = record.get("locale", SOURCE_LANGUAGE)
        if not self.ok(*where, "locale"):
            locale = None
        elif locale not in self.languages:
            self.error((*where, "locale"), self._unknown_locale(locale))
            locale = None
        elif locale != SOURCE_LANGUAGE and kind in ("home", "about", "section"):
            self.error((*where, "locale"), _("fixed pages are written in %(source)s") % {"source": SOURCE_LANGUAGE})
        texts = {locale: record} if locale else {}
        translations = record.get("translations", {})
        if isinstance(translations, dict) and self.intact(*where, "translations"):
            for code, text in translations.items():
                spot = (*where, "translations", code)
                if code not in self.languages:
                    self.error(spot, self._unknown_locale(code))
                elif code == locale:
                    self.error(spot, _("is the record's own locale; put that text in the record itself"))
                elif isinstance(text, dict):
                    texts[code] = text
                    if locale:
                        self.check_mirror(kind, where, spot, record, text)
        for code, text in texts.items():
            spot = where if code == locale else (*where, "translations", code)
            self.check_texts(kind, spot, code, text)
            self.check_slug(kind, spot, code, text)
        getattr(self, f"check_{kind}", lambda *args: None)(where, record, list(texts))
        image = record.get("image")
        if isinstance(image, str) and image not in self.image_keys:
            self.error((*where, "image"), self._unknown_image(image))

    def check_slug(self, kind, spot, code, text):
        """Two pages of one section cannot share a slug in one language (the second would get another)."""
        slug = text.get("slug")
        if not isinstance(slug, str) or not self.ok(*spot, "slug"):
            return
        owner = locate(self.data, list(spot), "").label
        first = self.slugs.setdefault((kind, code, slug), owner)
        if first != owner:
            message = _("%(slug)s is also the slug of %(record)s in %(language)s") % {
                "slug": show(slug),
                "record": first,
                "language": code,
            }
            self.error((*spot, "slug"), message)

    def _unknown_locale(self, code):
        return _("unknown locale %(locale)s (expected one of %(languages)s)") % {
            "locale": show(code),
            "languages": ", ".join(self.languages),
        }

    def _unknown_image(self, key):
        return _('unknown image %(key)s (not in "images")') % {"key": show(key)}

    def check_mirror(self, kind, where, spot, source, translation):
        for name, is_stream in text_fields(kind).items():
            if name == "slug" or not self.ok(*where, name) or not self.ok(*spot, name):
                continue
            has_source, has_translation = _has_text(source.get(name)), _has_text(translation.get(name))
            if has_source and not has_translation:
                self.error((*spot, name), _("missing (the source text has it)"))
            elif has_translation and not has_source:
                self.error((*spot, name), _("the source text has none to translate"))
            elif is_stream and has_source:
                original = streams.normalise(source[name])
                for below, message in streams.mirror_problems(original, streams.normalise(translation[name])):
                    self.error((*spot, name, *below), message)

    def check_texts(self, kind, spot, code, text):
        """Page and image references in the blocks of one language's text."""
        for name, is_stream in text_fields(kind).items():
            if not is_stream or not isinstance(text.get(name), list) or not self.intact(*spot, name):
                continue
            for index, block in enumerate(text[name]):
                if not isinstance(block, dict) or not self.ok(*spot, name, index):
                    continue
                place = (*spot, name, index)
                for reference in streams.page_references(block):
                    problem = self.reference_problem(reference, code)
                    if problem:
                        self.error((*place, "page" if block["type"] == "call_to_action" else "html"), problem)
                if block.get("type") == "image" and block.get("image") not in self.image_keys:
                    self.error((*place, "image"), self._unknown_image(block.get("image")))
                if block.get("type") == "call_to_action" and isinstance(block.get("url"), str):
                    self.check_url((*place, "url"), block["url"])

    def reference_problem(self, reference, code):
        if reference in FIXED_PAGES:
            return None
        if reference in self.records:
            languages = self.records[reference][1]
        elif self.existing.kind(reference):
            languages = self.existing.languages(reference)
        else:
            return _("unknown page %(ref)s (not a record key nor one of %(fixed)s)") % {
                "ref": show(reference),
                "fixed": ", ".join(FIXED_PAGES),
            }
        if code not in languages:
            return _("page %(ref)s has no %(language)s version") % {"ref": show(reference), "language": code}
        return None

    def check_url(self, parts, url):
        try:
            URLValidator()(url)
        except ValidationError as error:
            self.error(parts, " ".join(error.messages))

    # --- facts by page kind ------------------------------------------------------------------------

    def check_campaign(self, where, record, languages):
        from campaigns.models import AUDIENCES

        choices = [value for value, _label in AUDIENCES]
        for index, audience in enumerate(record.get("audiences") or []):
            if isinstance(audience, str) and audience not in choices:
                message = _("%(value)s is not one of %(choices)s") % {
                    "value": show(audience),
                    "choices": ", ".join(choices),
                }
                self.error((*where, "audiences", index), message)
        for index, key in enumerate(record.get("related_stories") or []):
            known = self.records.get(key, (None,))[0] == "story" or self.existing.kind(key) == "story"
            if isinstance(key, str) and not known:
                self.error((*where, "related_stories", index), _("unknown story %(key)s") % {"key": show(key)})
        start, end = _date(record.get("start_date")), _date(record.get("end_date"))
        if start and end and end < start:
            self.error((*where, "end_date"), _("is before the start date"))
        if isinstance(record.get("call_to_action_url"), str) and record["call_to_action_url"]:
            self.check_url((*where, "call_to_action_url"), record["call_to_action_url"])

    def check_story(self, where, record, languages):
        neighbourhood = record.get("neighbourhood")
        if isinstance(neighbourhood, str) and languages:
            self.check_term(self.vocabulary.neighbourhoods, neighbourhood, (*where, "neighbourhood"), languages)
        if self.ok(*where, "violation_types"):
            for index, slug in enumerate(record.get("violation_types") or []):
                if languages:
                    self.check_term(
                        self.vocabulary.violation_types, slug, (*where, "violation_types", index), languages
                    )
        consent = record.get("consent")
        if isinstance(consent, dict) and self.ok(*where, "consent"):
            if consent.get("status") == "granted" and not consent.get("recorded_on"):
                self.error((*where, "consent", "recorded_on"), _("required when consent is granted"))

    def check_term(self, terms, slug, parts, languages):
        """``slug`` must name a term in every language the story is written in."""
        missing = [code for code in languages if (slug, code) not in terms]
        if len(missing) == len(languages):
            self.error(parts, _("unknown slug %(slug)s") % {"slug": show(slug)})
        elif missing:
            message = _("slug %(slug)s has no term in %(languages)s") % {
                "slug": show(slug),
                "languages": ", ".join(missing),
            }
            self.error(parts, message)


def image_file_problem(root, name):
    """Why the image file ``name`` (relative to the archive's folder ``root``) cannot be imported, or None."""
    from PIL import Image as PillowImage
    from PIL import UnidentifiedImageError

    path = (root / name).resolve()
    if not path.is_relative_to(root):
        return _("%(file)s is outside the archive's folder") % {"file": show(name)}
    if not path.is_file():
        return _("%(file)s not found next to the archive") % {"file": show(name)}
    try:
        with PillowImage.open(path) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        return _("%(file)s is not an image file") % {"file": show(name)}
    return None


def _has_text(value):
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(streams.normalise(value))
    return value is not None


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _setting_names():
    from home.models import SiteSettings

    return [model_field.name for model_field in SiteSettings._meta.concrete_fields]
