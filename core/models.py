"""Vocabularies shared by stories, campaigns and (later) incidents.

Both are translatable snippets: one row per locale, tied together by
``translation_key``. The slug is the same in every locale, so filters and the
import format can name a term without caring about the language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .headless_preview import HeadlessPreviewable


class VocabularyTerm(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=255)

    # The name is translated; the slug names the term in filters and archives, the same in every language.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ViolationType(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("violation type")
        verbose_name_plural = _("violation types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Neighbourhood(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


# What every page translates and synchronises, declared rather than left to wagtail-localize's guess
# (it would also translate a vocabulary slug and let a translation override any date). Page types start
# their ``translatable_fields`` from this list; a synchronised field is overridable only where a
# translation may legitimately differ, and says so.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus", overridable=False),
]


class ImportKeyMixin(models.Model):
    """The key of the archive record a page was imported from, the same on every translation.

    ``import_archive`` matches records to pages by it, so importing again updates the pages.
    """

    import_key = models.CharField(_("import key"), max_length=100, blank=True, db_index=True, editable=False)

    # Not an editable field, so wagtail-localize would copy it only when it creates a translation.
    import_key_translatable_fields = [SynchronizedField("import_key", overridable=False)]

    class Meta:
        abstract = True


class HeroImageMixin(models.Model):
    """A lead image with its own alternative text, for pages that open with a picture."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(_("hero image alternative text"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @staticmethod
    def hero_panel():
        return MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image"))

    # The same picture in every language, unless it carries text (a banner, a sign): then a translation
    # may choose its own. Its alternative text is translated.
    hero_translatable_fields = [SynchronizedField("hero_image", overridable=True), TranslatableField("hero_image_alt")]

    @staticmethod
    def hero_api_fields():
        from .api_body import RenditionField
        from .stream_references import HERO_IMAGE_FILTER

        return [
            APIField("hero_image", serializer=RenditionField(HERO_IMAGE_FILTER, alt_field="hero_image_alt")),
            APIField("hero_image_alt"),
        ]


class SectionIndexPage(HeadlessPreviewable, Page):
    """A section's landing page under the home page (units, campaigns, stories): a title, an introduction, a listing."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
