"""Vocabularies shared by stories, campaigns and (later) incidents.

Both are translatable snippets: one row per locale, tied together by
``translation_key``. The slug is the same in every locale, so filters and the
import format can name a term without caring about the language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class VocabularyTerm(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=255)

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
