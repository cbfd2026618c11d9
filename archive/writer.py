"""The one writer of pages from an archive: units, campaigns, stories, the home, about and section pages.

A record's page in its own language is created or updated (keyed records are matched by
``import_key``; the fixed pages are the site structure's), then each translation is written through
wagtail-localize. Stories obey the consent rule: published only with consent granted, and taken offline
in every language when consent is no longer granted.
"""

import datetime

from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from core.i18n import page_translation

from . import streams
from .format import ArchiveError
from .references import PageFinder, keyed_models
from .summary import ImportSummary
from .translations import TranslationMismatchError, mirror_problems, write_translation

SECTION_OF_KIND = {"unit": "units", "campaign": "campaigns", "story": "stories"}
SLUG_MAX_LENGTH = 80
MODEL_FIELD = {"image_alt": "hero_image_alt"}  # archive text name → page field, where they differ


class Writer:
    def __init__(self, structure, images, *, publish, summary=None):
        self.structure = structure
        self.images = images  # image key → Image
        self.publish = publish
        self.summary = summary or ImportSummary()
        self.finder = PageFinder(structure)
        self.unresolved = False

    def write(self, record, *, again=False):
        """Write one PageRecord; True when it names a page that does not exist yet (write it again later)."""
        self.unresolved = False
        counts = None if again else self.summary
        if record.kind in SECTION_OF_KIND:
            self._write_keyed(record, counts)
        else:
            self._write_fixed(record, counts)
        return self.unresolved

    # --- pages of the site structure -------------------------------------------------------------

    def _write_fixed(self, record, counts):
        name = record.key if record.kind == "section" else record.kind
        source = self.structure[name][record.locale]
        self._fill(source, record, record.locale)
        if "image" in record.facts:
            source.hero_image = self._image(record.facts["image"])
        if "founded_year" in record.facts:
            source.founded_year = record.facts["founded_year"]
        _save(source, created=False, publish=self.publish)
        self._write_translations(record, source, publish=self.publish, counts=counts)
        if counts:
            counts.fixed_pages += 1

    # --- units, campaigns, stories ---------------------------------------------------------------

    def _write_keyed(self, record, counts):
        model = keyed_models()[record.kind]
        index = self.structure[SECTION_OF_KIND[record.kind]][record.locale]
        source = model.objects.filter(import_key=record.key, locale=index.locale).first()
        if source is None:
            source = self._adopt_unkeyed_page(model, index, record)
        created = source is None
        publish = self.publish and not record.draft
        tally = counts.of(record.kind) if counts else None
        if record.kind == "story":
            publish = publish and record.facts["consent"]["status"] == "granted" and not self._withdrawn(source)

        if created:
            source = model(import_key=record.key, locale=index.locale, live=False)
            # A translation left over from an earlier import keeps the page's identity.
            orphan = model.objects.filter(import_key=record.key).first()
            if orphan is not None:
                source.translation_key = orphan.translation_key
        self._fill(source, record, record.locale)
        self._fill_facts(source, record, record.locale)
        slug = record.texts[record.locale].get("slug")
        if record.kind == "story" and self._record_consent(source, record):
            if tally:
                tally.taken_offline += 1
            if source.pk:  # unpublished in the database: keep the in-memory page from going live again
                source.live = False
        if created:
            source.slug = find_available_slug(index, slug or _slug(source.title, record.key))
            index.add_child(instance=source)
        else:
            if slug and slug != source.slug:
                source.slug = find_available_slug(index, slug, ignore_page_id=source.pk)
            if not source.live:
                source.save()
        published = _save(source, created=created, publish=publish)
        if tally:
            tally.count(created=created, published=published)
        if record.kind == "story" and "private" in record.facts:
            self._write_private(source, record.facts["private"])
        self._write_translations(record, source, publish=publish, counts=counts)

    def _adopt_unkeyed_page(self, model, index, record):
        """A page with the record's slug but no import key (written before pages had one, e.g. by the
        old demo loader) is the record's page: it takes the key instead of getting a duplicate."""
        slug = record.texts[record.locale].get("slug")
        if not slug:
            return None
        page = model.objects.child_of(index).filter(slug=slug, import_key="").first()
        if page is not None:
            model.objects.filter(translation_key=page.translation_key).update(import_key=record.key)
            page.import_key = record.key
        return page

    def _withdrawn(self, source):
        from stories.services import is_withdrawn

        return source is not None and is_withdrawn(source)

    def _record_consent(self, source, record):
        """Record the archive's consent through the consent service when it changed (a withdrawal through the
        withdrawal service, which takes every translation offline); True if that took a live story offline."""
        from stories.models import StoryPage
        from stories.services import CONSENT_GRANTED, CONSENT_WITHDRAWN, consent_of, record_consent

        consent = record.facts["consent"]
        wanted = {
            "status": consent["status"],
            "recorded_on": _as_date(consent.get("recorded_on")),
            "method": consent.get("method") or "",
            "anonymised": consent.get("anonymised", True),
        }
        current = consent_of(source)
        if current.pk and all(getattr(current, name) == value for name, value in wanted.items()):
            return False
        if current.status == CONSENT_WITHDRAWN:
            # Withdrawal wins: only a person recording consent anew in the admin can lift it, never an archive.
            return False
        was_live = StoryPage.objects.filter(translation_key=source.translation_key, live=True).exists()
        record_consent(source, note=_("Imported from an archive."), **wanted)
        return was_live and wanted["status"] != CONSENT_GRANTED

    def _write_private(self, source, private):
        from stories.models import SurvivorRecord

        values = {name: private.get(name) or "" for name in ("survivor_name", "contact", "notes") if name in private}
        SurvivorRecord.objects.update_or_create(story_translation_key=source.translation_key, defaults=values)

    # --- translations ------------------------------------------------------------------------------

    def _write_translations(self, record, source, *, publish, counts):
        for code in record.languages:
            if code == record.locale:
                continue
            locale = self.structure["home"][code].locale
            existing = page_translation(source, locale)
            texts = self._texts(record, code, existing)
            if source.live and not publish and mirror_problems(source, texts):
                # wagtail-localize translates the source as published; this text belongs to its draft.
                if counts:
                    counts.translations_waiting += 1
                continue
            try:
                write_translation(source, locale, texts, publish=publish)
            except TranslationMismatchError as error:
                raise ArchiveError(
                    f"{record.key}: translations.{code}: {problem}" for problem in error.errors
                ) from None
            if counts:
                counts.count_translation(created=existing is None)

    def _texts(self, record, code, existing):
        """``{model field: value}`` of the record's text in language ``code``, streams as raw data.

        A new keyed page gets a slug made from its title when the record gives none; the fixed pages
        keep the texts the record does not mention.
        """
        from .records import text_fields

        given = record.texts[code]
        texts = {}
        for name, is_stream in text_fields(record.kind).items():
            field_name = MODEL_FIELD.get(name, name)
            if name in given:
                value = given[name]
                texts[field_name] = self._stream(value, code) if is_stream else value
            elif record.kind not in SECTION_OF_KIND and existing is not None and name != "slug":
                value = getattr(existing.specific, field_name)
                texts[field_name] = list(value.raw_data) if is_stream else value
        if texts.get("slug") in ("", None):
            texts.pop("slug", None)
        if existing is None and record.kind in SECTION_OF_KIND and "slug" not in texts:
            texts["slug"] = _slug(texts["title"], record.key)
        return texts

    # --- fields --------------------------------------------------------------------------------------

    def _fill(self, page, record, code):
        """Set the page's text fields from the record's text in ``code``.

        A keyed record is the whole page: a text it leaves out is emptied. The fixed pages keep what the
        record does not mention (their titles, for instance).
        """
        from .records import text_fields

        given = record.texts[code]
        for name, is_stream in text_fields(record.kind).items():
            if name == "slug" or (name not in given and record.kind not in SECTION_OF_KIND):
                continue
            value = given.get(name, [] if is_stream else "")
            if is_stream:
                value = streams.keep_block_ids(getattr(page, name, None), self._stream(value, code))
            setattr(page, MODEL_FIELD.get(name, name), value)

    def _fill_facts(self, page, record, code):
        facts = record.facts
        if record.kind == "unit":
            page.founded_year = facts.get("founded_year")
        elif record.kind == "campaign":
            self._fill_campaign(page, facts, code)
        elif record.kind == "story":
            self._fill_story(page, facts, code)

    def _fill_campaign(self, page, facts, code):
        from campaigns.models import CampaignAudience, CampaignRelatedStory
        from stories.models import StoryPage

        page.status = facts.get("status") or "active"
        page.start_date = facts["start_date"]
        page.end_date = facts.get("end_date")
        page.call_to_action_url = facts.get("call_to_action_url") or ""
        page.hero_image = self._image(facts.get("image"))
        page.audience_links = [
            CampaignAudience(audience=audience, sort_order=order)
            for order, audience in enumerate(facts.get("audiences", []))
        ]
        stories = StoryPage.objects.filter(import_key__in=facts.get("related_stories", []), locale__language_code=code)
        by_key = {story.import_key: story for story in stories}
        page.related_story_links = [
            CampaignRelatedStory(story=by_key[key], sort_order=order)
            for order, key in enumerate(facts.get("related_stories", []))
            if key in by_key
        ]
        self.unresolved |= len(by_key) < len(set(facts.get("related_stories", [])))

    def _fill_story(self, page, facts, code):
        from stories.models import StoryViolationType

        vocabulary = self.vocabulary
        page.date = facts["date"]
        neighbourhood = facts.get("neighbourhood")
        page.neighbourhood = vocabulary.neighbourhoods[(neighbourhood, code)] if neighbourhood else None
        page.hero_image = self._image(facts.get("image"))
        existing = {link.violation_type_id: link for link in page.violation_type_links.all()} if page.pk else {}
        links = []
        for position, slug in enumerate(facts.get("violation_types", [])):
            term = vocabulary.violation_types[(slug, code)]
            link = existing.get(term.pk) or StoryViolationType(violation_type=term)
            link.sort_order = position
            links.append(link)
        page.violation_type_links = links

    @property
    def vocabulary(self):
        if not hasattr(self, "_vocabulary"):
            from .references import Vocabulary

            self._vocabulary = Vocabulary.from_database()
        return self._vocabulary

    def _stream(self, blocks, code):
        def page_id(reference):
            pk = self.finder.page_id(reference, code)
            self.unresolved |= pk is None
            return pk

        return streams.to_stream(blocks, page_id, lambda key: self._image(key).pk)

    def _image(self, key):
        return self.images[key] if key else None


def _save(page, *, created, publish):
    """Save a revision of the page and publish it if asked; return whether it was published."""
    revision = page.save_revision(log_action="wagtail.create" if created else True)
    if publish:
        revision.publish()
        return True
    return False


def _as_date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _slug(title, key):
    slug = slugify(title, allow_unicode=True)[:SLUG_MAX_LENGTH].strip("-")
    return slug or slugify(key) or "page"
