"""“Did you mean” on the database backend: the reader's words against the words of the locale's pages.

The engine has a suggester (``engine.did_you_mean_body``); the database has none, so each query word
that no page title or summary of the locale contains is replaced by the closest such word
(:func:`difflib.get_close_matches`), compared after the Arabic folding so a missing hamza is not a typo.
"""

import difflib
import re
from collections import Counter

from core.arabic import normalise

MIN_WORD_LENGTH = 3
SIMILARITY = 0.75
_WORD = re.compile(r"\w+")


def fold(word):
    return normalise(word).lower()


def vocabulary(texts):
    """``{folded word: the spelling most often written}`` of the words in ``texts``."""
    spellings = {}
    for text in texts:
        for word in _WORD.findall(text or ""):
            if len(word) >= MIN_WORD_LENGTH:
                spellings.setdefault(fold(word), Counter())[word.lower()] += 1
    return {folded: counts.most_common(1)[0][0] for folded, counts in spellings.items()}


def corrected(q, known):
    """``q`` with each unknown word replaced by the closest known one, or None when nothing changes."""
    words, changed = [], False
    choices = list(known)
    for word in q.split():
        folded = fold(word)
        if len(folded) < MIN_WORD_LENGTH or folded in known:
            words.append(word)
            continue
        close = difflib.get_close_matches(folded, choices, n=1, cutoff=SIMILARITY)
        if close:
            words.append(known[close[0]])
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None
