"""Export the site as an archive (version 2): the inverse of ``import_archive``.

By default only what the public sees: ``core.visibility.public_pages`` (live, no view restriction,
consent granted), as published, in every language, without the private survivor records. With
``include_private`` (staff backups) every page, drafts as their latest revision (marked ``"draft":
true``), unconsented stories and the survivor records.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.i18n import SOURCE_LANGUAGE, language_codes
from core.visibility import public_pages
from monitoring.archive_records import incident_archive_records

from . import streams
from .format import CURRENT_VERSION, FORMAT_NAME, ArchiveError
from .images import ImageExport
from .records import text_fields
from .references import FIXED_PAGES, keyed_models
from .site import SECTION_MODELS
from .site_settings import read_site_settings
from .validation import validate
from .writer import MODEL_FIELD

SECTIONS = {"unit": "units", "campaign": "campaigns", "story": "stories"}


@dataclass
class ExportReport:
    path: Path
    pages: dict = field(default_factory=dict)  # archive section → number of records
    translations: int = 0
    images: int = 0
    private_records: int = 0
    left_out: list = field(default_factory=list)  # what the format could not carry, one line each

    def lines(self):
        counts = ", ".join(f"{name}: {count}" for name, count in self.pages.items())
        lines = [
            _("Exported to %(path)s: %(counts)s; %(translations)d translations; %(images)d images")
            % {"path": self.path, "counts": counts, "translations": self.translations, "images": self.images}
        ]
        if self.private_records:
            lines.append(_("Private survivor records: %(count)d") % {"count": self.private_records})
        return lines


def export_archive(folder, *, include_private=False):
    """Write ``folder/archive.json`` and ``folder/images/``; return an ExportReport."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    exporter = _Exporter(folder, include_private)
    data = exporter.archive()
    path = folder / "archive.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    report = exporter.report
    report.path = path
    report.images = len(exporter.images.entries)
    try:
        validate(data, folder)
    except ArchiveError as error:  # the site holds something the format cannot take back as it is
        report.left_out.extend(_("would not import: %(problem)s") % {"problem": problem} for problem in error.errors)
    return report


class _Exporter:
    def __init__(self, folder, include_private):
        self.include_private = include_private
        self.images = ImageExport(folder)
        self.report = ExportReport(path=folder)
        self.languages = language_codes()
        self.keys = {}  # page pk → (record key, language code), for every exported page
        self.groups = []  # (kind, key, {code: page}) in export order
        self._languages_of_keys = None
        self._source_languages = None

    # --- which pages -------------------------------------------------------------------------------

    def archive(self):
        fixed = self._fixed_pages()
        for name, pages in fixed.items():
            for code, page in pages.items():
                self.keys[page.pk] = (name, code)
        for kind, model in keyed_models().items():
            self._collect(kind, model)
        data = {
            "format": FORMAT_NAME,
            "version": CURRENT_VERSION,
            "exported_at": timezone.now().isoformat(timespec="seconds"),
            "includes_private": self.include_private,
        }
        records = {section: [] for section in SECTIONS.values()}
        for kind, key, pages in self.groups:
            records[SECTIONS[kind]].append(self._keyed_record(kind, key, pages))
        fixed_records = {name: self._fixed_record(name, pages) for name, pages in fixed.items() if pages}
        data["site_settings"], left_out = read_site_settings()
        self.report.left_out.extend(left_out)
        for name in ("home", "about"):
            if name in fixed_records:
                data[name] = fixed_records[name]
        sections = {name: fixed_records[name] for name in SECTION_MODELS if name in fixed_records and name != "about"}
        if sections:
            data["sections"] = sections
        data.update(records)
        # Verified incidents only (monitoring/archive_records.py); confidential sources only in a private export.
        records["incidents"] = data["incidents"] = list(
            incident_archive_records(include_confidential=self.include_private)
        )
        data["images"] = self.images.entries
        self.report.pages = {name: len(items) for name, items in records.items()}
        # The images list goes first in the file, as people read it.
        return {name: data[name] for name in ("format", "version", "exported_at", "includes_private", "images")} | data

    def _visible(self, queryset):
        return queryset if self.include_private else public_pages(queryset)

    def _fixed_pages(self):
        from home.models import HomePage

        home = HomePage.objects.filter(locale__language_code=SOURCE_LANGUAGE, depth=2).first()
        if home is None:
            return {}
        sources = {"home": home}
        for name, model in SECTION_MODELS.items():
            page = model.objects.child_of(home).first()
            if page is not None:
                sources[name] = page
        fixed = {}
        for name, source in sources.items():
            group = Page.objects.filter(translation_key=source.translation_key)
            fixed[name] = {page.locale.language_code: page for page in self._visible(group).select_related("locale")}
            if SOURCE_LANGUAGE not in fixed[name]:
                fixed[name] = {}
        return fixed

    def _collect(self, kind, model):
        groups = {}
        for page in self._visible(model.objects.all()).select_related("locale").order_by("path"):
            groups.setdefault(page.translation_key, {})[page.locale.language_code] = page
        taken = {key for _kind, key, _pages in self.groups} | set(FIXED_PAGES)
        for translation_key, pages in groups.items():
            pages = dict(sorted(pages.items(), key=lambda item: self._source_rank(translation_key, item[0])))
            source = next(iter(pages.values()))
            key = source.import_key or f"{kind}-{slugify(source.slug, allow_unicode=True) or source.pk}"
            while key in taken:
                key = f"{key}-{source.pk}"
            taken.add(key)
            for code, page in pages.items():
                self.keys[page.pk] = (key, code)
            self.groups.append((kind, key, pages))

    def _source_rank(self, translation_key, code):
        """Order a page's languages so that the language it was written in (its translation source's) comes first."""
        from wagtail_localize.models import TranslationSource

        if self._source_languages is None:
            rows = TranslationSource.objects.values_list("object_id", "locale__language_code")
            self._source_languages = dict(rows)
        if self._source_languages.get(translation_key) == code:
            return -1
        return self.languages.index(code) if code in self.languages else len(self.languages)

    # --- records -------------------------------------------------------------------------------------

    def _content(self, page):
        page = page.specific
        if self.include_private and not page.live:
            return page.get_latest_revision_as_object()
        return page

    def _keyed_record(self, kind, key, pages):
        contents = {code: self._content(page) for code, page in pages.items()}
        codes = list(contents)
        source = contents[codes[0]]
        record = {"key": key}
        if codes[0] != SOURCE_LANGUAGE:
            record["locale"] = codes[0]
        if self.include_private and not pages[codes[0]].live:
            record["draft"] = True
        record |= getattr(self, f"_{kind}_facts")(source, pages[codes[0]].specific)
        record |= self._texts(kind, key, codes[0], source, with_slug=True)
        translations = {code: self._texts(kind, key, code, contents[code], with_slug=True) for code in codes[1:]}
        if translations:
            record["translations"] = translations
            self.report.translations += len(translations)
        return record

    def _fixed_record(self, name, pages):
        kind = name if name in ("home", "about") else "section"
        contents = {code: self._content(page) for code, page in pages.items()}
        source = contents.pop(SOURCE_LANGUAGE)
        record = {}
        if name == "home" and source.hero_image_id:
            record["image"] = self.images.key(source.hero_image_id)
        if name == "about" and source.founded_year:
            record["founded_year"] = source.founded_year
        record |= self._texts(kind, name, SOURCE_LANGUAGE, source, with_slug=False)
        translations = {code: self._texts(kind, name, code, page, with_slug=False) for code, page in contents.items()}
        if translations:
            record["translations"] = translations
            self.report.translations += len(translations)
        return record

    def _texts(self, kind, key, code, page, *, with_slug):
        texts = {}
        for name, is_stream in text_fields(kind).items():
            if name == "slug":
                if with_slug:
                    texts["slug"] = page.slug
                continue
            value = getattr(page, MODEL_FIELD.get(name, name))
            if is_stream:
                left_out = []
                value = streams.from_stream(value, lambda pk: self._page_ref(pk, code), self.images.key, left_out)
                self.report.left_out.extend(f"{key} ({code}): {name}: {what}" for what in left_out)
            if value not in ("", None, []):
                texts[name] = value
        return texts

    def _page_ref(self, pk, code):
        """The reference to page ``pk`` from a text in ``code``: its record's key if that record has ``code``."""
        found = self.keys.get(pk)
        if found is None:
            page = Page.objects.filter(pk=pk).first()
            translation = page and Page.objects.filter(translation_key=page.translation_key, locale__language_code=code)
            found = self.keys.get(translation.values_list("pk", flat=True).first()) if translation else None
        if found is None:
            return None
        if self._languages_of_keys is None:
            self._languages_of_keys = set(self.keys.values())
        return found[0] if (found[0], code) in self._languages_of_keys else None

    # --- facts by page type ------------------------------------------------------------------------

    def _unit_facts(self, page, row):
        return {"founded_year": page.founded_year} if page.founded_year else {}

    def _campaign_facts(self, page, row):
        facts = {"status": page.status, "start_date": _date(page.start_date)}
        if page.end_date:
            facts["end_date"] = _date(page.end_date)
        audiences = [link.audience for link in page.audience_links.all()]
        related = [self.keys.get(link.story_id, (None,))[0] for link in page.related_story_links.all()]
        if audiences:
            facts["audiences"] = audiences
        if any(related):
            facts["related_stories"] = [key for key in related if key]
        if page.hero_image_id:
            facts["image"] = self.images.key(page.hero_image_id)
        if page.call_to_action_url:
            facts["call_to_action_url"] = page.call_to_action_url
        return facts

    def _story_facts(self, page, row):
        """The story's facts; consent from the story's consent record (never from a page or revision)."""
        facts = {"date": _date(page.date)}
        if page.neighbourhood_id:
            facts["neighbourhood"] = page.neighbourhood.slug
        facts["violation_types"] = [term.slug for term in page.violation_types]
        if page.hero_image_id:
            facts["image"] = self.images.key(page.hero_image_id)
        consent = row.consent
        facts["consent"] = {
            "status": consent.status,
            "recorded_on": _date(consent.recorded_on),
            "method": consent.method or None,
            "anonymised": consent.anonymised,
        }
        if self.include_private:
            private = self._private(page)
            if private:
                facts["private"] = private
                self.report.private_records += 1
        return facts

    def _private(self, page):
        from stories.models import SurvivorRecord

        survivor = SurvivorRecord.objects.filter(story_translation_key=page.translation_key).first()
        if survivor is None:
            return None
        return {
            name: getattr(survivor, name) for name in ("survivor_name", "contact", "notes") if getattr(survivor, name)
        }


def _date(value):
    return value.isoformat() if isinstance(value, datetime.date) else None
