"""Data many requests read and few changes alter, remembered across requests when a store is installed.

Serving a page reads the same few facts on every request: which home page answers this host and
language, which page a path names, and the page's frame (its language versions, ancestors and the
sections of its home). Compiling and running those queries costs more than rendering the page. The
``caching`` app installs a store that keeps them in the shared cache under the same tokens the
response cache uses, so the purge that publishing, unpublishing, moving or a consent withdrawal
sends makes them unreachable at once. Without a store (or with it switched off) every call computes.

What may be remembered: facts that a purge of the named ``pages`` (their public paths) or of a
language's ``layouts`` (its home and sections) covers. Whatever is served from a remembered fact is
still checked where it matters: a page found through a remembered route is loaded fresh and answers
404/410 itself when it is no longer live or its story's consent is gone.
"""

_store = None


def install(store):
    """Use ``store`` (an object with ``active()`` and ``remember(name, parts, compute, paths, layouts)``)."""
    global _store
    _store = store


def active():
    """Whether a store remembers anything (so that working out what to remember under is worth it)."""
    return _store is not None and _store.active()


def remember(name, parts, compute, *, paths=(), layouts=()):
    """``compute()``, or what it answered before for the same ``name`` and ``parts`` while nothing
    touching the public ``paths`` (``/ar/stories/x/``) or the ``layouts`` languages changed."""
    if _store is None:
        return compute()
    return _store.remember(name, tuple(parts), compute, paths=tuple(paths), layouts=tuple(layouts))


def public_path(page, request=None):
    """The page's path on the public site (``/ar/stories/x/``), or None: the ``paths`` a page's facts name.

    None for a page no site serves, a page not saved yet, and any request previewing a page (a preview's
    facts are never remembered: they may be a draft's); None as well while nothing is remembered.
    """
    if not active() or page is None or page.pk is None or getattr(request, "is_preview", False):
        return None
    parts = page.get_url_parts(request)
    return parts[2] if parts and parts[2] else None
