"""Text analysis for the engine index: one analyser per content language, and one for title completion.

Only filters from analysis-common, so the same settings work on Elasticsearch 9 and OpenSearch 2.19+.
search/README.md lists each chain and what it is for; tests/search/test_sync.py checks them on a real engine.
"""

ANALYSED_LANGUAGES = ("ar", "en", "fr")
DEFAULT_ANALYSER = "munasara_default"
AUTOCOMPLETE_MAX_GRAM = 20

# Index-time variants the analysis-common Arabic filters leave alone.
ARABIC_CHAR_MAPPINGS = ["ٱ=>ا", "ؤ=>و", "ئ=>ي", "ی=>ي", "ک=>ك", "ـ=>"]
# The article with its attached particles (و ف, then ب ك), or لل, before a word of 2+ letters.
ARABIC_ARTICLE = r"^(?:[وف]?[بك]?ال|[وف]?لل)(\p{L}{2,})$"
# One attached particle (و ف ب ل ك) before a word of 3+ letters; indexed beside the original form.
ARABIC_PROCLITIC = r"^[وفبلك](\p{L}{3,})$"
# Taa marbuta written ت before an attached pronoun (إقامته → إقامه), indexed beside the original form.
ARABIC_POSSESSED_FEMININE = r"^(\p{L}{2,})ت(?:ه|ها|هما|هم|هن|ك|كم|كن|ي|نا)$"
# Past-tense plural ending (هدموا → هدم), which arabic_stem leaves on.
ARABIC_VERB_PLURAL = r"^(\p{L}{3,})وا$"

ANALYSIS = {
    "char_filter": {
        "munasara_arabic_chars": {"type": "mapping", "mappings": ARABIC_CHAR_MAPPINGS},
    },
    "filter": {
        "munasara_arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
        "munasara_arabic_stemmer": {"type": "stemmer", "language": "arabic"},
        "munasara_arabic_verb_plural": {"type": "pattern_replace", "pattern": ARABIC_VERB_PLURAL, "replacement": "$1"},
        "munasara_arabic_proclitic": {"type": "pattern_replace", "pattern": ARABIC_PROCLITIC, "replacement": "$1"},
        "munasara_arabic_possessed_feminine": {
            "type": "pattern_replace",
            "pattern": ARABIC_POSSESSED_FEMININE,
            "replacement": "$1ه",
        },
        "munasara_arabic_proclitic_variants": {
            "type": "multiplexer",
            "filters": ["munasara_arabic_proclitic", "munasara_arabic_possessed_feminine"],
            "preserve_original": True,
        },
        "munasara_arabic_article": {"type": "pattern_replace", "pattern": ARABIC_ARTICLE, "replacement": "$1"},
        "munasara_english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "munasara_english_stop": {"type": "stop", "stopwords": "_english_"},
        "munasara_english_stemmer": {"type": "stemmer", "language": "english"},
        "munasara_french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
        },
        "munasara_french_stop": {"type": "stop", "stopwords": "_french_"},
        "munasara_french_stemmer": {"type": "stemmer", "language": "light_french"},
        "munasara_autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": AUTOCOMPLETE_MAX_GRAM},
    },
    "analyzer": {
        "munasara_ar": {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "decimal_digit",
                "munasara_arabic_stop",
                "arabic_normalization",
                "munasara_arabic_proclitic_variants",
                "munasara_arabic_stemmer",
                "munasara_arabic_verb_plural",
                "remove_duplicates",
            ],
        },
        "munasara_en": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "munasara_english_possessive",
                "lowercase",
                "decimal_digit",
                "munasara_english_stop",
                "munasara_english_stemmer",
            ],
        },
        "munasara_fr": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "munasara_french_elision",
                "lowercase",
                "decimal_digit",
                "munasara_french_stop",
                "asciifolding",
                "munasara_french_stemmer",
            ],
        },
        DEFAULT_ANALYSER: {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": ["lowercase", "decimal_digit", "asciifolding", "arabic_normalization"],
        },
        # Title autocomplete: the same normalisation, edge n-grams at index time only.
        "munasara_autocomplete": {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "decimal_digit",
                "asciifolding",
                "arabic_normalization",
                "munasara_arabic_article",
                "munasara_autocomplete_edge",
            ],
        },
        "munasara_autocomplete_search": {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": ["lowercase", "decimal_digit", "asciifolding", "arabic_normalization", "munasara_arabic_article"],
        },
    },
}

INDEX_SETTINGS = {"settings": {"analysis": ANALYSIS, "index": {"max_ngram_diff": AUTOCOMPLETE_MAX_GRAM}}}


def analyser_for(key):
    """The analyser of a per-language field (``key`` is a language code, or ``xx`` for any other)."""
    return f"munasara_{key}" if key in ANALYSED_LANGUAGES else DEFAULT_ANALYSER
