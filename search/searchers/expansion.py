"""Query-time expansion: the words of a query, each with the words that should meet it.

Both backends search a query as groups of alternatives: every word (or phrase) of the query, and the
other members of its family in the shipped domain lexicon (``search.lexicon``) and in the editors'
synonym sets of the query's language (``search.synonyms``). Doing it at query time means an editor's
new set works on the next search, on the engine and on the database backend alike, without
rebuilding the index (search/README.md, "Words that meet").
"""

import re

from .. import synonyms
from ..lexicon import lexicon, word_forms, word_keys

_WORD = re.compile(r"\w+")
# Longest phrase of a synonym set looked up in a query, in words.
MAX_PHRASE_WORDS = 4
# Alternatives searched for one query word at most (the original first), so a big set cannot slow a query.
MAX_ALTERNATIVES = 16


def _alternatives(compiled_sets, keys):
    found = set()
    for compiled in compiled_sets:
        for key in keys:
            found |= compiled.get(key, set())
    return found


def expand(q, language):
    """``[(original, *alternatives), …]`` for each word or phrase of ``q``; None when nothing expands.

    The original comes first; a multi-word alternative ("ID card") is one string."""
    words = [word for word in _WORD.findall(q or "") if word_keys(word)]
    if not words:
        return None
    compiled_sets = (lexicon(language), synonyms.compiled_synonyms(language))
    groups, position, expanded = [], 0, False
    while position < len(words):
        group = None
        for size in range(min(MAX_PHRASE_WORDS, len(words) - position), 1, -1):
            phrase = " ".join(words[position : position + size])
            found = _alternatives(compiled_sets, [word_keys(phrase)])
            if found:
                group, position = (phrase, found), position + size
                break
        if group is None:
            word = words[position]
            group, position = (word, _alternatives(compiled_sets, [(form,) for form in word_forms(word)])), position + 1
        original, found = group
        original_keys = word_keys(original)
        others = sorted(term for term in found if word_keys(term) != original_keys)
        expanded = expanded or bool(others)
        groups.append((original, *others[: MAX_ALTERNATIVES - 1]))
    return groups if expanded else None


def all_terms(groups):
    """Every word and alternative of the expanded query, as one text (for finding highlights)."""
    return " ".join(term for group in groups for term in group)
