"""The private-data guard: a story never goes live carrying what its survivor record keeps private.

The survivor record (:class:`~stories.models.SurvivorRecord`) holds the survivor's real name and
contact details; editors and translators cannot see it, so they cannot check a story against it by
eye. Before any publication :func:`stories.services.publication_blocked_reason` asks
:func:`private_data_reason`, which looks for the name (or any distinctive part of it), a phone
number or an email address from the record in every public text of the story.

Text is compared after Arabic normalisation (:func:`core.arabic.normalise`), accent stripping and
case folding, word by word, so «نبيل أبو رموز» is found as «نبيل ابو رموز». Phone numbers are
compared digits only, with or without the +972/+970 or 0 prefix. The name is not looked for when
the consent record says the story is not anonymised: the survivor chose to be named. Messages name
the field, never the value: they are shown to people who may not see the record.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

from core.arabic import normalise

# Name parts too common to identify anyone on their own (particles, kinship words, articles).
COMMON_WORDS = frozenset(
    normalise(word)
    for word in (
        # Arabic
        "ابو", "أبو", "ابي", "أبي", "ام", "أم", "بن", "ابن", "بنت", "عبد", "ال", "آل", "الدين", "الله",
        # English / transliterated Arabic
        "abu", "abou", "abo", "umm", "um", "oum", "ibn", "bin", "ben", "bint", "abd", "abdel", "abdul",
        "al", "el", "the", "and", "mr", "mrs", "ms", "miss",
        # French
        "de", "du", "des", "la", "le", "les", "et", "mme", "mlle", "madame", "monsieur",
    )
)  # fmt: skip
MIN_NAME_PART = 3
MIN_PHONE_DIGITS = 7
# Particles written joined to the next Arabic word: «ونبيل» is still «نبيل».
_ARABIC_PROCLITICS = "وفبلك"
# Country codes written instead of the leading 0 of a local number (Israel, Palestine).
_COUNTRY_CODES = ("972", "970")

_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Digits with single separators between them: two numbers side by side stay two numbers.
_PHONE_CANDIDATE = re.compile(r"(?<!\d)\+?\d(?:[\s().\-]?\d)+(?!\d)")
_PHONE_SEPARATORS = r"[\s().\-/]*"
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|h\d|div|blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_HREF = re.compile(r"""href\s*=\s*["']([^"']*)["']""", re.IGNORECASE)

# The story's public text fields, in the order an editor meets them.
TEXT_FIELDS = ("title", "slug", "summary", "hero_image_alt", "body", "seo_title", "search_description")

KIND_NAME = "name"
KIND_PHONE = "phone"
KIND_EMAIL = "email"


@dataclass(frozen=True)
class PrivateDataFound:
    field: str  # the form field holding the value
    where: str  # that field and, inside the body, the block and its part, for people
    kind: str  # KIND_NAME, KIND_PHONE or KIND_EMAIL


def comparable(text):
    """``text`` with Arabic spelling variants folded, accents removed and case folded."""
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class PrivateValues:
    """What one survivor record holds that must never be published, in comparable form."""

    def __init__(self, survivor_name="", contact=""):
        name_words = _WORD.findall(comparable(survivor_name))
        self.name_parts = {word for word in name_words if len(word) >= MIN_NAME_PART and word not in COMMON_WORDS}
        # A name made only of short or common words is still caught when written in full.
        self.full_name = tuple(name_words)
        contact = comparable(contact)
        self.emails = set(_EMAIL.findall(contact))
        without_emails = _EMAIL.sub(" ", contact)
        self.phones = {
            digits
            for digits in (_national_digits(candidate) for candidate in _PHONE_CANDIDATE.findall(without_emails))
            if len(digits) >= MIN_PHONE_DIGITS
        }
        self._phone_patterns = [_phone_pattern(digits) for digits in self.phones]

    def __bool__(self):
        return bool(self.name_parts or self.full_name or self.emails or self.phones)

    def kind_found_in(self, text):
        """KIND_NAME, KIND_PHONE or KIND_EMAIL when ``text`` holds one of the values, else None."""
        text = comparable(text)
        if not text:
            return None
        words = _WORD.findall(text)
        if self._has_name(words):
            return KIND_NAME
        if any(email in self.emails for email in _EMAIL.findall(text)):
            return KIND_EMAIL
        if any(pattern.search(text) for pattern in self._phone_patterns):
            return KIND_PHONE
        return None

    def _has_name(self, words):
        for word in words:
            if word in self.name_parts:
                return True
            if word[:1] in _ARABIC_PROCLITICS and word[1:] in self.name_parts:
                return True
        size = len(self.full_name)
        return bool(size) and any(tuple(words[i : i + size]) == self.full_name for i in range(len(words) - size + 1))


def _national_digits(phone):
    """The digits of a phone number without its international or trunk prefix."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("00"):
        digits = digits[2:]
    for code in _COUNTRY_CODES:
        if digits.startswith(code) and len(digits) - len(code) >= MIN_PHONE_DIGITS:
            return digits[len(code) :].removeprefix("0")
    return digits.removeprefix("0")


def _phone_pattern(national_digits):
    """A pattern for the number however it is written: any separators, any of its prefixes."""
    country_codes = "|".join(_COUNTRY_CODES)
    prefix = rf"(?:(?:\+|00){_PHONE_SEPARATORS}(?:(?:{country_codes}){_PHONE_SEPARATORS}(?:\(?0\)?)?)?|0)?"
    number = _PHONE_SEPARATORS.join(re.escape(digit) for digit in national_digits)
    return re.compile(rf"(?<!\d){prefix}{_PHONE_SEPARATORS}{number}(?!\d)")


# --- the story's public texts ------------------------------------------------------------------------


def rich_text_as_text(source):
    """The words of a rich-text value, with link targets (a mailto: or tel: link is public too)."""
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", source or ""))
    return html.unescape(" ".join([text, *_HREF.findall(source or "")]))


def _block_texts(block, value, where):
    """``(where, text)`` for every piece of text inside one block value."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for position, child in enumerate(value, start=1):
            label = _("block %(position)s (%(label)s)") % {"position": position, "label": child.block.label}
            yield from _block_texts(child.block, child.value, [*where, label])
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_texts(child_block, value.get(name), [*where, child_block.label])
    elif isinstance(block, blocks.ListBlock):
        for position, item in enumerate(value, start=1):
            yield from _block_texts(block.child_block, item, [*where, str(position)])
    elif isinstance(value, RichText):
        yield where, rich_text_as_text(value.source)
    elif isinstance(value, str):
        yield where, value


def field_texts(model, values):
    """``(field name, where, text)`` for the public texts among ``values`` (field name → value)."""
    for name in TEXT_FIELDS:
        value = values.get(name)
        if value in (None, ""):
            continue
        field = model._meta.get_field(name)
        label = capfirst(field.verbose_name)
        if name == "body":
            for where, text in _block_texts(field.stream_block, value, [label]):
                yield name, ", ".join(str(part) for part in where), text
        else:
            yield name, str(label), str(value)


def story_values(story):
    return {name: getattr(story, name, None) for name in TEXT_FIELDS}


def find_private_data(model, values, private_values):
    """The first place in ``values`` holding one of ``private_values``; None when there is none."""
    if not private_values:
        return None
    for field, where, text in field_texts(model, values):
        kind = private_values.kind_found_in(text)
        if kind:
            return PrivateDataFound(field=field, where=where, kind=kind)
    return None


def message_for(found):
    """The refusal, naming the field and what kind of value it holds, never the value itself."""
    messages = {
        KIND_NAME: _(
            "%(field)s contains the survivor's real name (or part of it) from the private record. "
            "Remove it before publishing."
        ),
        KIND_PHONE: _(
            "%(field)s contains a phone number from the survivor's private record. Remove it before publishing."
        ),
        KIND_EMAIL: _(
            "%(field)s contains an email address from the survivor's private record. Remove it before publishing."
        ),
    }
    return messages[found.kind] % {"field": found.where}


def private_values_of(story):
    """What must not be published in ``story``: its survivor's contact details always, and the real
    name unless the consent record says the story is not anonymised (the survivor chose to be named)."""
    from .records import ConsentRecord, SurvivorRecord

    if story.translation_key is None:
        return PrivateValues()
    record = SurvivorRecord.objects.filter(story_translation_key=story.translation_key).first()
    if record is None:
        return PrivateValues()
    consent = ConsentRecord.objects.filter(story_translation_key=story.translation_key).first()
    named_by_choice = consent is not None and not consent.anonymised
    return PrivateValues("" if named_by_choice else record.survivor_name, record.contact)


def private_data_in(story, values=None):
    """Where ``story`` (or, from a form, its new ``values``) holds private data; None when it does not."""
    private_values = private_values_of(story)
    return find_private_data(type(story), values if values is not None else story_values(story), private_values)


def private_data_reason(story):
    """Why ``story`` may not go live because of private data, in the editor's language; None when it may."""
    found = private_data_in(story)
    return message_for(found) if found else None
