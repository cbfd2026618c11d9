"""The domain lexicon shipped with the project: word families that a stemmer cannot join.

``<language>.txt`` beside this module holds one family per line (forms separated by commas, ``#``
starts a comment): verb/noun derivations (seized, seizure), irregular plurals (men, man), Arabic
broken plurals (بيوت, بيت). Searching any form also searches the others, on both backends, through
``search.searchers.expansion``; editors add their own sets with ``search.synonyms``.
"""

import re
import unicodedata
from functools import cache
from pathlib import Path

from core.arabic import is_arabic, normalise

from .. import arabic

LEXICON_DIR = Path(__file__).resolve().parent
# Ligatures that Unicode decomposition leaves whole.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})
_WORD = re.compile(r"\w+")
# Terms are separated by commas, Latin or Arabic.
TERM_SEPARATOR = re.compile("[,،]")


def _fold_latin(word):
    """``word`` without accents (détenus → detenus); Arabic words are left to the Arabic normalisation."""
    if is_arabic(word):
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def word_keys(text):
    """The lookup keys of the words of ``text``: folded, normalised and lightly stemmed, one per word.

    Lexicon entries, editors' synonyms and query words go through this same function, so «الهدم»
    meets «هدم», «Détenus» meets «detenus» and «arrests» meets «arrest»."""
    folded = " ".join(_fold_latin(word) for word in _WORD.findall(text or ""))
    return tuple(arabic.tokens(folded))


def word_forms(word):
    """Every key one word may be looked up under: its query form and, for Arabic, each form it is indexed
    under (بيوت is matched as يوت, البيوت as بيوت: both lead to the same family)."""
    forms = []
    for token in re.findall(r"\w+", normalise(_fold_latin(word))):
        for form in (arabic.query_form(token), *arabic.index_forms(token)):
            if form not in forms:
                forms.append(form)
    return forms


def parse_sets(lines):
    """Synonym sets (tuples of distinct terms, in order) from lines of comma-separated terms."""
    sets = []
    for line in lines:
        line = line.split("#", 1)[0]
        terms = []
        for term in TERM_SEPARATOR.split(line):
            term = " ".join(term.split())
            if term and term not in terms and word_keys(term):
                terms.append(term)
        if len(terms) > 1:
            sets.append(tuple(terms))
    return sets


def compile_sets(sets):
    """``{keys of a term: set of terms}``: each term of a set leads to every term of the set."""
    compiled = {}
    for terms in sets:
        for term in terms:
            keys = word_keys(term)
            lookups = [(form,) for form in word_forms(term)] if len(keys) == 1 else [keys]
            for key in lookups:
                compiled.setdefault(key, set()).update(terms)
    return compiled


@cache
def lexicon(language):
    """The compiled lexicon of ``language`` (empty when no file ships for it); read once per process."""
    path = LEXICON_DIR / f"{language}.txt"
    if not path.exists():
        return {}
    return compile_sets(parse_sets(path.read_text(encoding="utf-8").splitlines()))
