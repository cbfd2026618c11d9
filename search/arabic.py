"""Arabic text normalisation for the database search backend.

Elasticsearch/OpenSearch do this work with analysers (see ``search/backends/engine.py``);
the embedded database backend has no Arabic analysis, so the same text goes
through :func:`index_text` before it is stored in Wagtail's index table and the
query goes through :func:`query_text` before it is matched. Both use the same
steps, so a word matches whatever spelling variant the editor or the reader
used:

* diacritics (harakat, shadda, sukun, superscript alef) and tatweel removed;
* alef forms (أ إ آ ٱ) folded to ا, taa marbuta ة to ه, alef maqsura ى to ي,
  hamza on waw/yaa (ؤ ئ) to و/ي;
* Arabic-Indic and Persian digits folded to Western digits;
* a light stemmer strips the article and attached particles (و ف ب ك ل + ال,
  لل) and a few common suffixes, keeping at least three letters;
* a feminine noun with an attached pronoun (إقامته) is also indexed as the
  bare noun (إقامه);
* a word that may carry a single attached particle (و ف ب ل ك) is indexed both
  with and without it (بيوت → بيوت, يوت), and the query keeps the form without
  it, so «بسلوان» finds «سلوان» and «بيوت» still finds «بيوت».

Latin words are lower-cased and lightly stemmed (plural -s/-es/-ies, -ed, -ing,
a final -e), so «arrests», «arrested» and «arrest» meet on the database backend
as well; the engine uses a real English stemmer.
"""

import re

from core.arabic import DIACRITIC_CHARS, is_arabic, normalise

_TOKEN = re.compile(r"\w+")
# A word of the original text: letters plus the marks that normalisation removes.
_WORD = re.compile(f"[\\w{DIACRITIC_CHARS}]+")

# Longest first: the article with its attached particles, then the bare particles.
_PREFIXES = ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "ال", "لل", "و", "ف")
_SUFFIXES = ("اتها", "اتهم", "ونها", "هما", "كما", "ات", "ون", "ين", "وا", "ها", "هم", "ان", "ية", "يه", "نا", "ه", "ي")
MIN_STEM = 3
_PROCLITICS = "وفبلك"
# Taa marbuta written ت before an attached pronoun: إقامته is also indexed as إقامه.
_POSSESSED_FEMININE = re.compile("^(.{2,})ت(?:ه|ها|هما|هم|هن|ك|كم|كن|ي|نا)$")


def _strip_prefix(token):
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            return token[len(prefix) :]
    return token


def _strip_suffix(token):
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM:
            return token[: -len(suffix)]
    return token


def _english_stem(token):
    if not token.isascii() or not token.isalpha() or len(token) <= 3:
        return token
    if token.endswith("ies") and len(token) > 4:
        token = token[:-3] + "y"
    elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    for suffix in ("ing", "ed"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            if len(token) > 3 and token[-1] == token[-2] and token[-1] not in "lsz":
                token = token[:-1]  # stopped -> stop
            break
    if token.endswith("e") and len(token) > 3:
        token = token[:-1]
    return token


def stem(token):
    """Light stem of one normalised token."""
    if not is_arabic(token):
        return _english_stem(token)
    return _strip_suffix(_strip_prefix(token))


def _without_proclitic(token):
    if is_arabic(token) and token[0] in _PROCLITICS and len(token) - 1 >= MIN_STEM:
        return token[1:]
    return None


def index_forms(token):
    """The forms one normalised word is indexed under (its stem, and its stem without a particle)."""
    forms = [stem(token)]
    bare = _without_proclitic(token) if _strip_prefix(token) == token else None
    if bare is not None and stem(bare) not in forms:
        forms.append(stem(bare))
    feminine = _POSSESSED_FEMININE.match(token) if is_arabic(token) else None
    if feminine and stem(feminine.group(1) + "ه") not in forms:
        forms.append(stem(feminine.group(1) + "ه"))
    return forms


def query_form(token):
    """The one form a normalised query word is matched with."""
    bare = _without_proclitic(token) if _strip_prefix(token) == token else None
    return stem(bare) if bare is not None else stem(token)


def tokens(text):
    """The normalised, stemmed query tokens of ``text``."""
    return [query_form(token) for token in _TOKEN.findall(normalise(text))]


def index_text(text):
    """What the database index stores for ``text``."""
    return " ".join(form for token in _TOKEN.findall(normalise(text)) for form in index_forms(token))


def query_text(text):
    """What a query string becomes before it is matched against :func:`index_text` output."""
    return " ".join(tokens(text))


def word_spans(text):
    """``(start, end, {index forms})`` for every word of the original ``text`` (for highlighting)."""
    spans = []
    for match in _WORD.finditer(text or ""):
        normalised = _TOKEN.findall(normalise(match.group()))
        if normalised:
            spans.append((match.start(), match.end(), set(index_forms("".join(normalised)))))
    return spans
