"""Incidents as CSV: the columns, reading a file (every problem by line and column) and export rows.

One row per incident, UTF-8 (a byte-order mark is fine). Columns (see README.md): ``key``, ``date``,
``violation_type``, ``neighbourhood``, ``people_affected`` and ``description_ar`` are required;
the others may be left out. ``sources`` and ``confidential_sources`` hold ``type: reference``
entries separated by ``;``; a file without one of these columns leaves those sources as they are.
``status`` is written by the export for the reader and ignored on import (verifying is a decision,
not a cell: see ``import_incidents --publish``).
"""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.i18n import language_codes
from core.spreadsheet import FORMULA_PREFIXES

from .incident_checks import Vocabulary, check_record

REQUIRED_COLUMNS = ("key", "date", "violation_type", "neighbourhood", "people_affected")


def text_columns():
    columns = []
    for code in language_codes():
        columns += [f"description_{code}", f"legal_analysis_{code}"]
    return columns


def all_columns():
    """Every column the format knows, in the order an export writes them."""
    return [
        "key",
        "status",
        "date",
        "date_end",
        "violation_type",
        "neighbourhood",
        "latitude",
        "longitude",
        "people_affected",
        "children_affected",
        "women_affected",
        *text_columns(),
        "sources",
        "confidential_sources",
    ]


def export_columns():
    """The columns of an export: every column but ``confidential_sources``, which is never exported (and whose
    absence makes re-importing an export leave the confidential sources as they are)."""
    return [name for name in all_columns() if name != "confidential_sources"]


def required_columns():
    return [*REQUIRED_COLUMNS, f"description_{language_codes()[0]}"]


@dataclass(frozen=True)
class RowProblem:
    line: int  # 1 is the header; 0 for the file as a whole
    column: str
    message: str

    def __str__(self):
        if not self.line:
            return self.message
        if not self.column:
            return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}
        return _("line %(line)d, column %(column)s: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class CsvImportError(Exception):
    """The file cannot be imported; ``problems`` lists every RowProblem found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def unneutralised(value):
    """An exported cell read back: the ``'`` an export puts before a formula-like text is taken off again."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def decode(content):
    """The text of the uploaded bytes; CsvImportError when they are not UTF-8."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvImportError(
            [
                RowProblem(
                    0,
                    "",
                    _("The file is not UTF-8 text (byte %(position)d); save it as CSV UTF-8 and try again.")
                    % {"position": error.start + 1},
                )
            ]
        ) from None


def read_rows(text, progress=None):
    """Check every row of the CSV ``text``; return the IncidentRecords, or raise CsvImportError with every problem."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvImportError([RowProblem(0, "", _("The file is empty."))]) from None
    except csv.Error as error:
        raise CsvImportError([RowProblem(1, "", str(error))]) from None
    header = [name.strip() for name in header]
    known, required = all_columns(), required_columns()
    problems = [
        RowProblem(1, name, _("unknown column (expected some of %(columns)s)") % {"columns": ", ".join(known)})
        for name in header
        if name not in known
    ]
    problems += [RowProblem(1, name, _("missing column")) for name in required if name not in header]
    problems += [
        RowProblem(1, name, _("the column appears more than once"))
        for position, name in enumerate(header)
        if name in header[:position]
    ]
    if problems:
        raise CsvImportError(problems)

    vocabulary = Vocabulary()
    records, seen = [], {}
    rows = _numbered_rows(reader, problems)
    for line, row in progress(rows) if progress else rows:
        if len(row) != len(header):
            problems.append(
                RowProblem(
                    line,
                    "",
                    _("has %(cells)d cells but the header has %(columns)d")
                    % {"cells": len(row), "columns": len(header)},
                )
            )
            continue
        values = {name: unneutralised(cell) for name, cell in zip(header, row, strict=True) if name != "status"}
        record, record_problems = check_record(values, vocabulary)
        record.line = line
        problems += [RowProblem(line, column, message) for column, message in record_problems]
        if record.key:
            if record.key in seen:
                problems.append(
                    RowProblem(
                        line,
                        "key",
                        _("%(key)s is already on line %(line)d") % {"key": record.key, "line": seen[record.key]},
                    )
                )
            else:
                seen[record.key] = line
        records.append(record)
    if problems:
        raise CsvImportError(problems)
    return records


def _numbered_rows(reader, problems):
    """``(line, cells)`` for each non-empty row; ``line`` is where the row starts in the file."""
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(RowProblem(line, "", str(error)))
            return
        if any(cell.strip() for cell in row):
            yield line, row
        line = reader.line_num + 1


def export_rows(incidents, language_order=None):
    """The cells of each incident for :func:`export_columns` (confidential sources never included).

    ``incidents`` should come through ``records.with_public_details`` so texts and public sources are prefetched.
    """
    from .records import public_source_queryset

    codes = language_order or language_codes()
    for incident in incidents:
        texts = {text.locale.language_code: text for text in incident.texts.all()}
        prefetched = getattr(incident, "prefetched_public_sources", None)
        sources = prefetched if prefetched is not None else public_source_queryset().filter(incident=incident)
        cells = [
            incident.key,
            incident.status,
            incident.date.isoformat(),
            incident.date_end.isoformat() if incident.date_end else "",
            incident.violation_type.slug,
            incident.neighbourhood.slug,
            "" if incident.latitude is None else str(incident.latitude),
            "" if incident.longitude is None else str(incident.longitude),
            incident.people_affected,
            incident.children_affected,
            incident.women_affected,
        ]
        for code in codes:
            text = texts.get(code)
            cells += [text.description if text else "", text.legal_analysis if text else ""]
        cells.append("; ".join(f"{source.source_type}: {source.reference}" for source in sources))
        yield cells
