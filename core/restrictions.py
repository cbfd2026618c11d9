"""A view restriction (password, login, groups) on a page holds for all its translations.

Without this, a password on the Arabic page would leave its English and French
translations public. Whenever a page's restriction is created, changed or removed, the
same restriction (type, password, groups) is written on every page sharing its
``translation_key``; a translation created later starts with it. The copies are ordinary
``PageViewRestriction`` rows, so everything that already follows restrictions (the
site, ``public_pages()``, the search queue, the audit log) sees them.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import QuerySet
from wagtail.models import Page, PageViewRestriction

# Set while this module writes restrictions, so its own writes do not start another round.
_copying = ContextVar("copying_view_restrictions", default=False)


@contextmanager
def _copying_restrictions():
    token = _copying.set(True)
    try:
        yield
    finally:
        _copying.reset(token)


def _translations_of(page_id):
    page = Page.objects.filter(pk=page_id).only("translation_key").first()
    if page is None:
        return Page.objects.none()
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page_id)


def _write_restriction(source, page):
    """Make ``page``'s own restriction match ``source``."""
    restriction = PageViewRestriction.objects.filter(page=page).order_by("pk").first()
    if restriction is None:
        restriction = PageViewRestriction(page=page)
    restriction.restriction_type = source.restriction_type
    restriction.password = source.password
    restriction.save()
    restriction.groups.set(source.groups.all())


def copy_restriction_to_translations(restriction):
    """Give every translation of ``restriction.page`` the same restriction."""
    with _copying_restrictions():
        for translation in _translations_of(restriction.page_id):
            _write_restriction(restriction, translation)


def remove_restrictions_from_translations(page_id):
    with _copying_restrictions():
        for restriction in PageViewRestriction.objects.filter(page__in=_translations_of(page_id)):
            restriction.delete()


def _restriction_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or _copying.get():
        return
    if created:
        # One restriction per page, as the admin shows it: a page copy brings its source's
        # restriction after the new page was already given the one of its translations.
        with _copying_restrictions():
            PageViewRestriction.objects.filter(page_id=instance.page_id).exclude(pk=instance.pk).delete()
    copy_restriction_to_translations(instance)


def _restriction_groups_changed(sender, instance, action, reverse=False, **kwargs):
    # The admin form saves the restriction first and its groups after (save_m2m).
    if reverse or _copying.get() or action not in {"post_add", "post_remove", "post_clear"}:
        return
    copy_restriction_to_translations(instance)


def _removed_by_user(origin):
    """True when the deletion started from a restriction, not from deleting its page (a cascade)."""
    if isinstance(origin, QuerySet):
        return issubclass(origin.model, PageViewRestriction)
    return isinstance(origin, PageViewRestriction)


def _restriction_deleted(sender, instance, origin=None, **kwargs):
    if _copying.get() or not _removed_by_user(origin):
        return
    remove_restrictions_from_translations(instance.page_id)


def _page_created(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page) or _copying.get():
        return
    source = (
        PageViewRestriction.objects.filter(page__translation_key=instance.translation_key)
        .exclude(page=instance)
        .order_by("pk")
        .first()
    )
    if source is not None:
        with _copying_restrictions():
            _write_restriction(source, instance)


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="restriction_to_translations")
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="restriction_groups_to_translations",
    )
    post_delete.connect(_restriction_deleted, sender=PageViewRestriction, dispatch_uid="restriction_off_translations")
    # The sender of a page save is its specific class: listen to all and check.
    post_save.connect(_page_created, dispatch_uid="restriction_for_new_translation")
