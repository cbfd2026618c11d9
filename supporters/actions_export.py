"""CSV exports of a campaign's confirmed signatures and sent letters, for staff with the export permission.

Only what counts is exported (confirmed signatures, letters sent), so the file matches the public
counter; every cell is made formula-safe by core.spreadsheet.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.admin.auth import require_admin_access

from campaigns.models import CampaignPage
from core.spreadsheet import csv_response

from .actions_panels import EXPORT_PERMISSION
from .letters import letters_sent
from .petitions import confirmed_signatures


def _campaign_for_export(request, page_id):
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    campaign = CampaignPage.objects.filter(pk=page_id).first()
    if campaign is None:
        raise Http404(_("No campaign has this id."))
    return campaign


def _when(moment):
    return moment.isoformat(timespec="seconds") if moment else ""


@require_admin_access
def export_signatures(request, page_id):
    campaign = _campaign_for_export(request, page_id)
    rows = (
        [
            _when(row.confirmed_at),
            row.name,
            row.email,
            row.country.code,
            countries.name(row.country.code),
            row.language,
            row.comment,
            _("yes") if row.may_contact else _("no"),
            _("yes") if row.show_first_name else _("no"),
        ]
        for row in confirmed_signatures(campaign.translation_key).order_by("confirmed_at", "pk")
    )
    header = [
        _("Confirmed at"),
        _("Name"),
        _("Email"),
        _("Country code"),
        _("Country"),
        _("Language"),
        _("Comment"),
        _("May be contacted"),
        _("First name shown"),
    ]
    return csv_response(f"signatures-{campaign.slug}.csv", header, rows)


@require_admin_access
def export_letters(request, page_id):
    campaign = _campaign_for_export(request, page_id)
    rows = (
        [
            _when(row.confirmed_at),
            row.name,
            row.email,
            row.country.code,
            row.language,
            row.subject,
            row.body,
            ", ".join(row.recipients),
        ]
        for row in letters_sent(campaign.translation_key).order_by("confirmed_at", "pk")
    )
    header = [
        _("Sent at"),
        _("Name"),
        _("Email"),
        _("Country code"),
        _("Language"),
        _("Subject"),
        _("Letter"),
        _("Sent to"),
    ]
    return csv_response(f"letters-{campaign.slug}.csv", header, rows)
