"""The validated archive the writer works from: page records with their texts by language, normalised."""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.i18n import SOURCE_LANGUAGE

from . import streams
from .format import archive_version, schema

KEYED_SECTIONS = {"units": "unit", "campaigns": "campaign", "stories": "story"}
FIXED_SECTIONS = ("units", "campaigns", "stories")


@dataclass
class PageRecord:
    """One page of the archive with its translations, validated and normalised."""

    kind: str  # home, about, section, unit, campaign or story
    key: str  # the import key; for fixed pages their name (home, about, units, campaigns, stories)
    locale: str
    facts: dict  # the record's fields that are the same in every language
    texts: dict  # language code → {text field: text or normalised blocks}; the record's own locale first
    draft: bool = False

    @property
    def languages(self):
        return list(self.texts)


@dataclass
class SiteSettingsRecord:
    """The archive's site settings: what is the same in every language, and the organisation's texts by language."""

    settings: dict  # SiteSettings fields (contact, social links)
    texts: dict  # language code → {organisation text field: text}; Arabic (the source) first, maybe empty


@dataclass
class Archive:
    version: int
    folder: Path
    images: list = field(default_factory=list)  # {"key", "path", "title"}
    site_settings: SiteSettingsRecord | None = None
    units: list = field(default_factory=list)
    stories: list = field(default_factory=list)
    campaigns: list = field(default_factory=list)
    fixed_pages: list = field(default_factory=list)  # home, about, section introductions
    incidents: int = 0

    @property
    def pages(self):
        """Every page record, in the order they are written (what others refer to comes first)."""
        return [*self.units, *self.stories, *self.campaigns, *self.fixed_pages]


@cache
def text_fields(kind):
    """The text fields of a page kind, as the schema lists them: ``{name: is a block list}``."""
    properties = schema()["$defs"][f"{kind}_texts"]["properties"]
    return {name: spec.get("$ref") == "#/$defs/blocks" for name, spec in properties.items()}


def build_archive(data, folder):
    """The Archive of ``data``, which must be valid."""
    archive = Archive(version=archive_version(data), folder=folder, incidents=len(data.get("incidents") or []))
    archive.images = [
        {"key": image["key"], "path": folder / image["file"], "title": image["title"].strip()}
        for image in data.get("images", [])
    ]
    if "site_settings" in data:
        archive.site_settings = _site_settings(data["site_settings"])
    for section, kind in KEYED_SECTIONS.items():
        getattr(archive, section).extend(_page(kind, record["key"].strip(), record) for record in data.get(section, []))
    if "home" in data:
        archive.fixed_pages.append(_page("home", "home", data["home"]))
    if "about" in data:
        archive.fixed_pages.append(_page("about", "about", data["about"]))
    for name in FIXED_SECTIONS:
        if name in data.get("sections", {}):
            archive.fixed_pages.append(_page("section", name, data["sections"][name]))
    return archive


def _page(kind, key, record):
    fields = text_fields(kind)
    locale = record.get("locale", SOURCE_LANGUAGE)
    source = _texts(fields, record)
    texts = {locale: source}
    for code, translation in (record.get("translations") or {}).items():
        texts[code] = _texts(fields, translation, source)
    facts = {name: value for name, value in record.items() if name not in fields}
    for name in ("key", "locale", "translations", "draft"):
        facts.pop(name, None)
    return PageRecord(kind=kind, key=key, locale=locale, facts=facts, texts=texts, draft=record.get("draft", False))


def _site_settings(record):
    fields = text_fields("organisation")
    texts = {SOURCE_LANGUAGE: _texts(fields, record)}
    for code, translation in (record.get("translations") or {}).items():
        texts[code] = _texts(fields, translation)
    settings = {name: value for name, value in record.items() if name not in fields and name != "translations"}
    return SiteSettingsRecord(settings=settings, texts=texts)


def _texts(fields, record, source=None):
    texts = {}
    for name, is_stream in fields.items():
        if name not in record:
            continue
        value = record[name]
        if is_stream:
            value = streams.normalise(value)
            if source is not None:
                value = streams.inherit(source.get(name, []), value)
        elif isinstance(value, str):
            value = value.strip()
        texts[name] = value
    return texts
