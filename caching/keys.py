"""The names the response cache and the purges share.

A cached answer's key is a hash of what the request asks (host, path, language, the query string that
matters) and of *tokens*: random values kept in the cache under a resource or generation name. A purge
never looks for cached answers; it gives the names it touches new tokens, so every key built from the
old ones is unreachable at once, in every worker, whatever the host or query string was. Random (not
counted) tokens also survive eviction: a token evicted and created anew never matches an old answer.

* ``path:<html path>`` — one HTML page (all its query strings and hosts) and the API's find-by-path of it;
* ``page:<id>`` — the API detail of one page;
* ``content:<lang>`` — collection-like answers in a language (listings, search, sitemap, vocabularies);
* ``layout:<lang>`` — what every page of a language shows: navigation, footer, breadcrumbs of sections.
"""

import hashlib
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlencode

from django.conf import settings

PREFIX = "munasara:rc:"
# Query parameters that only tell analytics where a visitor came from: the answer is the same.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid"})


def languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def normalise_path(path):
    """``/en/stories/x/`` for any spelling of it: percent-encoded or not, with or without slashes."""
    parts = [part for part in unquote(path or "").split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts)


def normalise_query(query_string):
    """The sorted query string without tracking parameters (``utm_*`` and the like)."""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string or "", keep_blank_values=True)
        if not name.startswith("utm_") and name not in TRACKING_PARAMETERS
    ]
    return urlencode(sorted(pairs))


def token_key(name):
    # Hashed: a path may be long or hold characters Memcached refuses in a key.
    return PREFIX + "t:" + hashlib.sha256(name.encode()).hexdigest()[:32]


def new_token():
    return secrets.token_hex(8)


def entry_key(parts, tokens):
    digest = hashlib.sha256("\x1f".join([*parts, *tokens]).encode()).hexdigest()
    return PREFIX + "e:" + digest


@dataclass
class Purge:
    """What a change makes stale, by name (see the module docstring), plus the CDN's URLs."""

    resources: set = field(default_factory=set)
    content_languages: set = field(default_factory=set)
    layout_languages: set = field(default_factory=set)
    urls: set = field(default_factory=set)

    def __bool__(self):
        return bool(self.resources or self.content_languages or self.layout_languages or self.urls)

    def update(self, other):
        self.resources |= set(other.resources)
        self.content_languages |= set(other.content_languages)
        self.layout_languages |= set(other.layout_languages)
        self.urls |= set(other.urls)
        return self

    def token_names(self):
        return sorted(
            [*self.resources]
            + [f"content:{code}" for code in self.content_languages]
            + [f"layout:{code}" for code in self.layout_languages]
        )


def current_tokens(cache, names):
    """The current token of each name, creating the missing ones (a cache that does not answer gives fresh ones)."""
    keys = {name: token_key(name) for name in names}
    found = cache.get_many(list(keys.values()))
    tokens = []
    for name in names:
        token = found.get(keys[name])
        if token is None:
            token = new_token()
            cache.add(keys[name], token, None)
        tokens.append(token)
    return tokens


def renew_tokens(cache, names):
    """Give each name a new token; True only when the cache shows all of them afterwards (it answered)."""
    if not names:
        return True
    wanted = {token_key(name): new_token() for name in names}
    cache.set_many(wanted, None)
    return cache.get_many(list(wanted)) == wanted
