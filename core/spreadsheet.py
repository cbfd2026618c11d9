"""CSV exports staff open in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads Arabic), and no
cell a spreadsheet would run as a formula (CSV/formula injection: a supporter's name "=HYPERLINK(...)")."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

# A cell starting with one of these is read as a formula (or, for tab/CR, can shift into one).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """``value`` as text, prefixed with ``'`` when a spreadsheet would otherwise treat it as a formula."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> HttpResponse:
    """A downloadable CSV named ``filename``; every cell goes through :func:`safe_cell`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
