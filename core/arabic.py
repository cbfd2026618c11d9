"""Arabic spelling folds shared by search and the private-data guard.

Arabic is written with many interchangeable forms of the same word, so text is compared only
after :func:`normalise`:

* diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel removed;
* alef forms (أ إ آ ٱ) folded to ا, taa marbuta ة to ه, alef maqsura ى to ي,
  hamza on waw/yaa (ؤ ئ) to و/ي, Persian yeh and kaf to their Arabic letters;
* Arabic-Indic and Persian digits folded to Western digits;
* everything case-folded (lower-cased).

Pure functions only: no Django, no models, so any app may use them.
"""

import re
import unicodedata

# The marks normalisation removes, as a regular-expression character class body.
DIACRITIC_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_DIACRITICS = re.compile(f"[{DIACRITIC_CHARS}]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
    }
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def normalise(text):
    """Fold spelling variants; keep word boundaries and Latin text (lower-cased)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    text = _DIACRITICS.sub("", text)
    return text.translate(_FOLD).lower()


def is_arabic(token):
    return bool(_ARABIC_LETTER.search(token))
