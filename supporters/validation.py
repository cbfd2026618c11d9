"""Checks for what supporters type: names, comments and email addresses.

Each function returns the cleaned value or raises ``ValidationError`` whose message names the field,
so a form shows it next to the field and the API answers 400 with it. What is refused: anything that
is not text, control characters (CR/LF carry header injection into an email), bidirectional
override/isolate characters (they make an address or a name display as something else), and
overlong values.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

NAME_MAX_LENGTH = 100
COMMENT_MAX_LENGTH = 2000
EMAIL_MAX_LENGTH = 254

# Embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). The plain marks
# (LRM, RLM, ALM) are ordinary in Arabic text and stay allowed.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _text(value, field, max_length, *, multiline=False):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(_("%(field)s must be text.") % {"field": field}, code="invalid")
    value = unicodedata.normalize("NFC", value).strip()
    if len(value) > max_length:
        raise ValidationError(
            _("%(field)s is too long (at most %(max)d characters).") % {"field": field, "max": max_length},
            code="max_length",
        )
    allowed = "\n" if multiline else ""
    if any(unicodedata.category(char) == "Cc" and char not in allowed for char in value.replace("\r\n", "\n")):
        raise ValidationError(_("%(field)s contains control characters.") % {"field": field}, code="invalid")
    if BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("%(field)s contains text-direction override characters.") % {"field": field}, code="invalid"
        )
    return value


def clean_person_name(value, field=None) -> str:
    """A person's name on one line, at most ``NAME_MAX_LENGTH`` characters ("" when empty)."""
    return _text(value, field or _("Name"), NAME_MAX_LENGTH)


def clean_comment(value, field=None) -> str:
    """A free comment (line breaks allowed, normalised to LF), at most ``COMMENT_MAX_LENGTH`` characters."""
    return _text(value, field or _("Comment"), COMMENT_MAX_LENGTH, multiline=True).replace("\r\n", "\n")


def normalised_email(value, field=None) -> str:
    """The address in one canonical form (trimmed, lower case), so one person makes one subscription."""
    field = field or _("Email")
    value = _text(value, field, EMAIL_MAX_LENGTH)
    if not value:
        raise ValidationError(_("%(field)s is required.") % {"field": field}, code="required")
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(_("%(field)s is not a valid email address.") % {"field": field}, code="invalid") from None
    return value.lower()
