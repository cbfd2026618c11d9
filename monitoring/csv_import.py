"""Importing incidents from CSV bytes: check everything, then write everything or nothing."""

from django.utils.translation import gettext as _

from .csv_format import CsvImportError, RowProblem, decode, read_rows
from .importing import VerifiedIncidentsChangedError, write_records


def import_csv(content, *, verify=False, user=None, check_progress=None, write_progress=None, protect_verified=False):
    """Import the CSV file ``content`` (bytes); return a WriteResult, or raise CsvImportError with every problem.

    ``verify``: mark the imported incidents verified (by ``user``); without it new incidents are drafts.
    ``protect_verified``: refuse (writing nothing) rows that would change a verified incident.
    """
    records = read_rows(decode(content), progress=check_progress)
    try:
        return write_records(
            records, verify=verify, user=user, progress=write_progress, protect_verified=protect_verified
        )
    except VerifiedIncidentsChangedError as error:
        raise CsvImportError(
            RowProblem(
                record.line,
                "key",
                _("%(key)s is a verified incident; only documentation officers may change it") % {"key": record.key},
            )
            for record in error.records
        ) from None
