"""The staff roles: Django groups with exactly the permissions each role needs.

The groups are made (and brought back to this definition) after every ``migrate``
and by ``archive.site.ensure_site_structure``, so a fresh database, an import and
the demo all have them. Change a role here, not in the admin: the next migrate
restores what this module says.

Wagtail's page permissions are granted on the root of the page tree and its
collection permissions on the root collection, so they hold for every page,
image and document in every language.
"""

import logging

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, transaction

logger = logging.getLogger(__name__)

EDITORS = "Editors"
LEGAL_REVIEWERS = "Legal reviewers"
PUBLISHERS = "Publishers"
TRANSLATORS = "Translators"
DOCUMENTATION_OFFICERS = "Documentation officers"

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
CHOOSE_MEDIA = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]
SURVIVOR_RECORDS = [
    ("stories", "view_survivorrecord"),
    ("stories", "add_survivorrecord"),
    ("stories", "change_survivorrecord"),
]

# name: (model permissions as (app_label, codename), page permission codenames on the tree root,
#        collection permissions as (app_label, codename) on the root collection)
ROLES = {
    EDITORS: ([ADMIN_ACCESS], ["add_page", "change_page"], MEDIA),
    LEGAL_REVIEWERS: ([ADMIN_ACCESS, *SURVIVOR_RECORDS], [], CHOOSE_MEDIA),
    PUBLISHERS: (
        [ADMIN_ACCESS],
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        MEDIA,
    ),
    TRANSLATORS: (
        [ADMIN_ACCESS, ("wagtail_localize", "submit_translation")],
        ["add_page", "change_page"],
        CHOOSE_MEDIA,
    ),
    DOCUMENTATION_OFFICERS: ([ADMIN_ACCESS], [], []),
}


def consent_permissions():
    """The stories app's permissions about consent (the consent record and its history), except deleting:
    consent history is append-only, and nobody's role is to erase what a survivor decided."""
    return Permission.objects.filter(content_type__app_label="stories", codename__contains="consent").exclude(
        codename__startswith="delete_"
    )


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is None:
            # A permission made by a data migration (wagtail-localize's submit_translation) is gone from a
            # database flushed by a live-server test; the role works without it until the next migrate.
            logger.warning("Permission %s.%s does not exist; the roles are granted without it.", app_label, codename)
            continue
        found.append(permission)
    return found


@transaction.atomic
def ensure_roles():
    """Create the role groups and give each exactly its permissions; return them by name.

    Page and collection permissions need the tree root and the root collection; on a
    database without them (flushed by a live-server test) they are granted by the next
    call, which ``ensure_site_structure`` makes after creating both.
    """
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, (model_permissions, page_codenames, collection_permissions) in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = _permissions(model_permissions)
        if name == LEGAL_REVIEWERS:
            permissions += list(consent_permissions())
        group.permissions.set(permissions)

        if root_page is not None:
            page_permissions = _permissions(("wagtailcore", codename) for codename in page_codenames)
            GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
                permission__in=page_permissions
            ).delete()
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)

        if root_collection is not None:
            media_permissions = _permissions(collection_permissions)
            GroupCollectionPermission.objects.filter(group=group, collection=root_collection).exclude(
                permission__in=media_permissions
            ).delete()
            for permission in media_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
        groups[name] = group
    return groups


def ensure_roles_after_migrate(sender, app_config=None, using=None, apps=global_apps, verbosity=1, **kwargs):
    """post_migrate handler: once the last app has migrated, make sure every role exists as defined."""
    # Django sends it only for apps with a models module, in INSTALLED_APPS order.
    app_configs = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if using not in (None, DEFAULT_DB_ALIAS) or app_config is None or app_config.label != app_configs[-1].label:
        return
    # Django adds each app's permissions in its own post_migrate handler; make sure
    # they all exist before the roles refer to them.
    for config in app_configs:
        create_permissions(config, verbosity=0, using=using)
    ensure_roles()
