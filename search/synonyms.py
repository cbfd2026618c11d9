"""Synonym sets written by editors, one record per set and language, applied at query time.

A set ("Silwan, سلوان", "ID card, residency", "هدم, تدمير") makes a search for any of its terms
also search the others, in the set's language, on both backends (``search.searchers.expansion``).
The compiled sets of each language are kept in Django's cache and dropped when a set is saved or
deleted, so a change works on the next search: no index rebuild, no downtime.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from core.i18n import language_codes

from .lexicon import compile_sets, parse_sets

MAX_TERMS = 16
MAX_TERM_LENGTH = 100
# A change made behind the signals' back (raw SQL) is seen within this time.
CACHE_SECONDS = 600


def cache_key(language):
    return f"search:synonyms:{language}"


class SynonymSet(TranslatableMixin, models.Model):
    terms = models.TextField(
        _("words that mean the same"),
        help_text=_(
            'Words or phrases separated by commas, e.g. "ID card, residency". Searching for any of them also '
            "finds pages using the others, in this language."
        ),
    )

    translatable_fields = [TranslatableField("terms")]
    panels = [FieldPanel("terms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")

    def __str__(self):
        return ", ".join(self.term_list()) or self.terms

    def term_list(self):
        sets = parse_sets([self.terms])
        return list(sets[0]) if sets else []

    def clean(self):
        super().clean()
        long_terms = [term for term in self.terms.replace("،", ",").split(",") if len(term.strip()) > MAX_TERM_LENGTH]
        if long_terms:
            raise ValidationError(
                {"terms": _("Each term may have at most %(limit)d characters.") % {"limit": MAX_TERM_LENGTH}}
            )
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": _("Write at least two different words or phrases, separated by commas.")})
        if len(terms) > MAX_TERMS:
            raise ValidationError({"terms": _("A set may have at most %(limit)d terms.") % {"limit": MAX_TERMS}})


def compiled_synonyms(language):
    """``{word keys: set of terms}`` of the editors' sets in ``language`` (see ``search.lexicon``)."""
    key = cache_key(language)
    compiled = cache.get(key)
    if compiled is None:
        texts = SynonymSet.objects.filter(locale__language_code=language).values_list("terms", flat=True)
        compiled = compile_sets(parse_sets(texts))
        cache.set(key, compiled, CACHE_SECONDS)
    return compiled


def forget_compiled_synonyms():
    cache.delete_many([cache_key(language) for language in language_codes()])


@receiver(post_save, sender=SynonymSet)
@receiver(post_delete, sender=SynonymSet)
def _synonyms_changed(**kwargs):
    # Now, and again after the commit: a search that read the old sets in between does not keep them.
    forget_compiled_synonyms()
    transaction.on_commit(forget_compiled_synonyms)
