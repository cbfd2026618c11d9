"""The organisation's details in each language: its name, a few words about it and its address.

Site settings hold one value per field, so they keep what has no language (email, phone, social
links). The texts live here instead, as a translatable snippet with one record per locale, all of
them translations of one another (one ``translation_key``): editors write the Arabic record and
translate it through wagtail-localize like any other content. Records have a draft state, so a
translation is saved as a draft and reaches the footer only once someone who may publish it does.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from core.i18n import SOURCE_LANGUAGE

#: The fields that hold text in a language, in the order the footer shows them.
TEXT_FIELDS = ("organisation_name", "footer_text", "address")


@dataclass(frozen=True)
class LocalisedText:
    """A text together with the language it is written in (which may not be the page's)."""

    text: str
    language: str

    @property
    def direction(self):
        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"

    def __str__(self):
        return self.text


class OrganisationDetails(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    organisation_name = models.CharField(_("organisation name"), max_length=255)
    footer_text = models.TextField(
        _("description"), blank=True, help_text=_("A sentence or two about the organisation, shown in the footer.")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)

    # Every field is text in the record's language; what has no language is in SiteSettings.
    translatable_fields = [TranslatableField(name) for name in TEXT_FIELDS]
    panels = [FieldPanel(name) for name in TEXT_FIELDS]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")
        constraints = [models.UniqueConstraint(fields=["locale"], name="home_organisation_details_one_per_locale")]

    def __str__(self):
        return self.organisation_name

    def clean(self):
        super().clean()
        # The form has no locale field, so Django would not check the constraint on it: say it here.
        if self.locale_id and type(self).objects.filter(locale_id=self.locale_id).exclude(pk=self.pk).exists():
            raise ValidationError(
                _("The organisation's details in %(language)s exist already: edit them (or translate them) instead.")
                % {"language": self.locale.get_display_name()}
            )

    def save(self, *args, **kwargs):
        if self._state.adding:
            # Records written in another language directly (not through "Translate") still join the one group,
            # so wagtail-localize and the footer see every language of the same details.
            existing = type(self).objects.exclude(locale_id=self.locale_id).values_list("translation_key", flat=True)
            self.translation_key = existing.first() or self.translation_key
        super().save(*args, **kwargs)

    @classmethod
    def texts_for(cls, language_code):
        """``{field: LocalisedText}`` for the footer in ``language_code``: the published record in that language,
        a text it lacks (or the whole record, when there is none) taken from the source language's record."""
        records = {
            record.locale.language_code: record
            for record in cls.objects.filter(live=True, locale__language_code__in={language_code, SOURCE_LANGUAGE})
            .select_related("locale")
            .order_by("pk")
        }
        texts = {}
        for name in TEXT_FIELDS:
            for code in (language_code, SOURCE_LANGUAGE):
                value = getattr(records.get(code), name, "")
                if value:
                    texts[name] = LocalisedText(value, code)
                    break
        return texts
