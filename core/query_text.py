"""Characters a query parameter may not carry, for every endpoint that reads one (API, search)."""

import unicodedata

# Bidirectional embedding and override controls (U+202A–U+202E) reorder the text around
# them; they carry no meaning in a query and are a known spoofing device.
BIDI_OVERRIDES = frozenset(chr(code) for code in range(0x202A, 0x202F))
ALLOWED_CONTROLS = frozenset("\t\n\r")


def forbidden_character(value):
    """The first control or bidi override character in ``value``, or None (PostgreSQL refuses NUL bytes)."""
    for character in value:
        if character in BIDI_OVERRIDES:
            return character
        if unicodedata.category(character) == "Cc" and character not in ALLOWED_CONTROLS:
            return character
    return None
