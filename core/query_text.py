"""What a query parameter may carry, and the words a search query is reduced to, for every endpoint that reads one."""

import re
import unicodedata

# Bidirectional embedding and override controls (U+202A–U+202E) reorder the text around
# them; they carry no meaning in a query and are a known spoofing device.
BIDI_OVERRIDES = frozenset(chr(code) for code in range(0x202A, 0x202F))
ALLOWED_CONTROLS = frozenset("\t\n\r")
# Inside a word, an apostrophe (l'expulsion, people’s) or a hyphen (al-Issawiya) is part of it.
WORD_JOINERS = "'’-"
_SPACES = re.compile(r"\s+")


def forbidden_character(value):
    """The first control or bidi override character in ``value``, or None (PostgreSQL refuses NUL bytes)."""
    for character in value:
        if character in BIDI_OVERRIDES:
            return character
        if unicodedata.category(character) == "Cc" and character not in ALLOWED_CONTROLS:
            return character
    return None


def _is_word_character(character):
    # Letters, combining marks (Arabic diacritics) and digits; everything else separates words.
    return unicodedata.category(character)[0] in "LMN"


def search_words(text):
    """``text`` as plain words separated by single spaces: no quotes, operators, brackets or field prefixes.

    Readers type words; the engines' and SQLite's query syntaxes (``"``, ``*``, ``(``, ``field:``, ``-word``,
    ``~``) are not part of the public search, so they become spaces here and can never reach a parser.
    Words like AND/OR/NOT stay words: both backends match them as text, never as operators.
    """
    characters = list(text or "")
    kept = []
    for index, character in enumerate(characters):
        if _is_word_character(character):
            kept.append(character)
        elif character in WORD_JOINERS and _between_word_characters(characters, index):
            kept.append(character)
        else:
            kept.append(" ")
    return _SPACES.sub(" ", "".join(kept)).strip()


def _between_word_characters(characters, index):
    return (
        0 < index < len(characters) - 1
        and _is_word_character(characters[index - 1])
        and _is_word_character(characters[index + 1])
    )
