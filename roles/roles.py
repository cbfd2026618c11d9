"""The staff roles: Django groups with exactly the permissions each role needs.

The groups are made (and brought back to this definition) after every ``migrate``
and by ``archive.site.ensure_site_structure``, so a fresh database, an import and
the demo all have them. Change a role here, not in the admin: the next migrate
restores what this module says.

Most roles hold their page permissions on the root of the page tree, so they reach
every page in every language. The translators and translation reviewers of a
language hold theirs on that language's home page only: they work in its tree and
cannot touch the Arabic source or another language. Collection permissions are
granted on the root collection, for every image and document.
"""

import logging
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.conf.locale import LANG_INFO
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, transaction

from core.i18n import SOURCE_LANGUAGE, language_codes, language_home_page

logger = logging.getLogger(__name__)

EDITORS = "Editors"
LEGAL_REVIEWERS = "Legal reviewers"
PUBLISHERS = "Publishers"
DOCUMENTATION_OFFICERS = "Documentation officers"
# Staff who look after the mailing list (supporters/): they see supporters' addresses, so a second factor.
SUPPORTER_MANAGERS = "Supporter managers"
# The single translators' group before translators worked per language; migration
# roles 0001 moved its members into every language's translators and removed it.
RETIRED_TRANSLATORS = "Translators"


def language_name(code):
    """The language's English name ("English", "French"): group and workflow names are data, not interface text."""
    return LANG_INFO[code]["name"]


def target_languages():
    """The codes of the languages pages are translated into: every content language but the source."""
    return [code for code in language_codes() if code != SOURCE_LANGUAGE]


def translators(code):
    """The name of the group translating into language ``code``, e.g. "Translators (English)"."""
    return f"Translators ({language_name(code)})"


def translation_reviewers(code):
    """The name of the group reviewing and publishing language ``code``, e.g. "Translation reviewers (French)"."""
    return f"Translation reviewers ({language_name(code)})"


ADMIN_ACCESS = ("wagtailadmin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
# wagtail-2fa's "Enable 2FA": its holders must sign in to the admin with a second factor (cms/two_factor.py).
REQUIRE_TWO_FACTOR = ("wagtailadmin", "enable_2fa")
MEDIA = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
CHOOSE_MEDIA = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))
# The organisation's details (home.OrganisationDetails) hold one record per language; which language a
# group may work in follows its page permissions (``roles.languages``), not these model permissions.
ADD_ORGANISATION_DETAILS = ("home", "add_organisationdetails")
CHANGE_ORGANISATION_DETAILS = ("home", "change_organisationdetails")
PUBLISH_ORGANISATION_DETAILS = ("home", "publish_organisationdetails")
# The monitoring record (monitoring/README.md): editors write incidents as drafts; only documentation
# officers verify them (which makes them public) or change one already verified. Incident texts are
# translatable snippets: translators write their language's (the language rule is roles.snippet_languages).
INCIDENTS = (
    ("monitoring", "view_incident"),
    ("monitoring", "add_incident"),
    ("monitoring", "change_incident"),
    ("monitoring", "view_incidenttext"),
    ("monitoring", "add_incidenttext"),
    ("monitoring", "change_incidenttext"),
    ("monitoring", "view_legalreference"),
)
VERIFY_INCIDENTS = (
    ("monitoring", "verify_incident"),
    ("monitoring", "delete_incident"),
    ("monitoring", "add_legalreference"),
    ("monitoring", "change_legalreference"),
)
TRANSLATE_INCIDENT_TEXTS = (
    ("monitoring", "add_incidenttext"),
    ("monitoring", "change_incidenttext"),
    ("monitoring", "add_legalreference"),
    ("monitoring", "change_legalreference"),
)
# The "Supporters" capability: see, export and erase (on request) the mailing list's subscribers.
SUPPORTERS = (
    ("supporters", "view_subscriber"),
    ("supporters", "export_subscriber"),
    ("supporters", "delete_subscriber"),
    ("supporters", "export_campaign_actions"),
)
# Teaching the public search: editors' synonym sets, the report of what readers search for, editors' picks.
SEARCH_TUNING = (
    ("munasara_search", "add_synonymset"),
    ("munasara_search", "change_synonymset"),
    ("munasara_search", "delete_synonymset"),
    ("munasara_search", "view_searchqueryday"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
)
SURVIVOR_RECORDS = (
    ("stories", "view_survivorrecord"),
    ("stories", "add_survivorrecord"),
    ("stories", "change_survivorrecord"),
)


@dataclass(frozen=True)
class Role:
    """What a group may do: model permissions as ``(app_label, codename)``, page permission codenames,
    collection permissions as ``(app_label, codename)`` on the root collection, and where the page
    permissions hold: the tree root (``language`` None) or that language's home page."""

    model_permissions: tuple = ()
    page_permissions: tuple = ()
    collection_permissions: tuple = ()
    language: str | None = None


def _language_roles():
    roles = {}
    for code in target_languages():
        roles[translators(code)] = Role(
            (
                ADMIN_ACCESS,
                SUBMIT_TRANSLATION,
                ADD_ORGANISATION_DETAILS,
                CHANGE_ORGANISATION_DETAILS,
                *TRANSLATE_INCIDENT_TEXTS,
            ),
            ("add_page", "change_page"),
            CHOOSE_MEDIA,
            language=code,
        )
        # Approving a review step publishes the page, which Wagtail does with the approver's permissions;
        # a snippet's translation is published from the translation editor, which needs change and publish.
        roles[translation_reviewers(code)] = Role(
            (ADMIN_ACCESS, CHANGE_ORGANISATION_DETAILS, PUBLISH_ORGANISATION_DETAILS),
            ("add_page", "change_page", "publish_page"),
            CHOOSE_MEDIA,
            language=code,
        )
    return roles


ROLES = {
    EDITORS: Role((ADMIN_ACCESS, *INCIDENTS, *SEARCH_TUNING), ("add_page", "change_page"), MEDIA),
    LEGAL_REVIEWERS: Role((ADMIN_ACCESS, REQUIRE_TWO_FACTOR, *SURVIVOR_RECORDS), (), CHOOSE_MEDIA),
    PUBLISHERS: Role(
        (
            ADMIN_ACCESS,
            REQUIRE_TWO_FACTOR,
            ADD_ORGANISATION_DETAILS,
            CHANGE_ORGANISATION_DETAILS,
            PUBLISH_ORGANISATION_DETAILS,
            *SEARCH_TUNING,
        ),
        ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        MEDIA,
    ),
    DOCUMENTATION_OFFICERS: Role((ADMIN_ACCESS, *INCIDENTS, *VERIFY_INCIDENTS)),
    SUPPORTER_MANAGERS: Role((ADMIN_ACCESS, REQUIRE_TWO_FACTOR, *SUPPORTERS)),
    **_language_roles(),
}


def consent_permissions():
    """The stories app's permissions about consent (the consent record and its history), except deleting:
    consent history is append-only, and nobody's role is to erase what a survivor decided."""
    return Permission.objects.filter(content_type__app_label="stories", codename__contains="consent").exclude(
        codename__startswith="delete_"
    )


# Permissions that wagtail-localize and wagtail-2fa make in data migrations, not from a model's Meta:
# a database flushed by a live-server test has lost them, and the roles need them.
MIGRATION_PERMISSIONS = (
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
    ("wagtailadmin", "admin", "enable_2fa", "Enable 2FA"),
)


def _ensure_migration_permissions():
    from django.contrib.contenttypes.models import ContentType

    for app_label, model, codename, name in MIGRATION_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is None:
            logger.warning("Permission %s.%s does not exist; the roles are granted without it.", app_label, codename)
            continue
        found.append(permission)
    return found


def _grant_page_permissions(group, page, codenames):
    """Give ``group`` exactly ``codenames`` on ``page`` and no page permission anywhere else."""
    from wagtail.models import GroupPagePermission

    page_permissions = _permissions(("wagtailcore", codename) for codename in codenames)
    stale = GroupPagePermission.objects.filter(group=group)
    if page is not None:
        stale = stale.exclude(page=page, permission__in=page_permissions)
    stale.delete()
    if page is None:
        return
    for permission in page_permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@transaction.atomic
def ensure_roles():
    """Create the role groups and give each exactly its permissions; return them by name.

    Page and collection permissions need their pages and the root collection; on a database
    without them (right after ``migrate``, or flushed by a live-server test) they are granted
    by the next call, which ``ensure_site_structure`` makes after creating the tree.
    """
    from wagtail.models import Collection, GroupCollectionPermission, Page

    _ensure_migration_permissions()
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = _permissions(role.model_permissions)
        if name == LEGAL_REVIEWERS:
            permissions += list(consent_permissions())
        group.permissions.set(permissions)

        scope = root_page if role.language is None else language_home_page(role.language)
        if scope is not None or root_page is None:
            _grant_page_permissions(group, scope, role.page_permissions)

        if root_collection is not None:
            media_permissions = _permissions(role.collection_permissions)
            GroupCollectionPermission.objects.filter(group=group).exclude(
                collection=root_collection, permission__in=media_permissions
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
