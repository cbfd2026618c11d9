"""Who sees the translation status: the staff who translate or edit content.

Translators (they may submit translations), editors and publishers (they may edit pages) and
superusers do; staff with admin access for other work (legal review, documentation) and anyone
else do not.
"""

from wagtail.permissions import page_permission_policy


def may_see_translation_status(user):
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return False
    return (
        user.is_superuser
        or user.has_perm("wagtail_localize.submit_translation")
        or page_permission_policy.user_has_any_permission(user, ["add", "change", "publish"])
    )
