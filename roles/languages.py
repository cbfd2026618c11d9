"""Who may work in which language: one rule for pages and translatable snippets.

A user may write content in a language when they may edit pages in that language's tree: a page
permission on its home page (the translators and translation reviewers of that language), one on
the root of the tree (editors, publishers), or a superuser. Translatable snippets have one record
per language and Wagtail's snippet permissions are per model, so their records follow this rule
too: a translator into English holds the model permission, and this rule keeps them to the English
record (``roles.snippet_languages``).
"""

from wagtail.models import Locale

from core.i18n import may_edit_in_locale

__all__ = ["locales_to_translate_into", "may_edit_in_locale"]


def locales_to_translate_into(user, instance):
    """The locales ``user`` may translate ``instance`` (a page or a translatable snippet) into: every other
    locale whose content they may write."""
    others = Locale.objects.exclude(pk=instance.locale_id)
    return Locale.objects.filter(pk__in=[locale.pk for locale in others if may_edit_in_locale(user, locale)])
