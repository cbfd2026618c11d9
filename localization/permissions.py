"""Who sees the translation status: the staff who translate or edit content.

Translators (they may submit translations), editors and publishers (they may edit pages) and
superusers do; staff with admin access for other work (legal review, documentation) and anyone
else do not.
"""

from wagtail.models import Page, Site
from wagtail.permissions import page_permission_policy


def may_see_translation_status(user):
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return False
    return (
        user.is_superuser
        or user.has_perm("wagtail_localize.submit_translation")
        or page_permission_policy.user_has_any_permission(user, ["add", "change", "publish"])
    )


def may_write_language(user, locale):
    """Whether ``user`` may write content in ``locale``: edit the pages of that language's tree.

    The same rule as ``roles.languages.may_edit_in_locale`` (a sibling layer, so not imported): a
    translatable snippet's permission is per model, and this keeps a PO upload into a snippet's
    translation to those who may write its language, as pages are by their tree permissions.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.get_translation_or_none(locale) if site else None
    scope = home or Page.get_first_root_node()
    return scope is not None and page_permission_policy.user_has_permission_for_instance(user, "change", scope)
