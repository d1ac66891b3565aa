"""The one export mechanism: a table of rows to CSV or XLSX, as a download.

A caller describes the columns once (``Column(label, value)``) and passes the rows; the same
description gives both formats. Cells that a spreadsheet would run as a formula are made inert,
and control characters, which a spreadsheet cannot hold, are left out (core.text). Every
download is recorded against the object the table came from (core.downloads).
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from arloesi.core import downloads
from arloesi.core.text import strip_control_characters

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Characters a worksheet's title cannot contain.
SHEET_TITLE_FORBIDDEN = str.maketrans("", "", "[]:*?/\\")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], Any]


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, bool | int | float | date):
        return value
    if isinstance(value, Decimal):
        return float(value)
    text = strip_control_characters(str(value))
    # A leading apostrophe stops spreadsheet programs treating text as a formula.
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def table(columns: list[Column], rows: Iterable[Any]) -> list[list[Any]]:
    return [[_plain(column.value(row)) for column in columns] for row in rows]


def to_csv(columns: list[Column], rows: Iterable[Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_plain(str(c.label)) for c in columns])
    for line in table(columns, rows):
        writer.writerow([v.isoformat(sep=" ") if isinstance(v, datetime) else v for v in line])
    # With a byte-order mark so Excel opens UTF-8 (Welsh characters) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(columns: list[Column], rows: Iterable[Any], *, sheet_title: str = "Arloesi") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title.translate(SHEET_TITLE_FORBIDDEN)[:31] or "Arloesi"
    sheet.append([_plain(str(c.label)) for c in columns])
    for line in table(columns, rows):
        sheet.append(line)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(
            12, len(str(column.label)) + 2
        )
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(
    columns: list[Column],
    rows: Iterable[Any],
    *,
    file_format: str,
    filename: str,
    actor,
    subject,
) -> HttpResponse:
    """The table as a file to save, recorded as ``actor``'s download of ``subject`` (the object
    the table is about: a planning group's queue, the sign-in activity of Wales)."""
    if file_format not in CONTENT_TYPES:
        raise ValueError(f"Unknown export format {file_format!r}")
    content = (
        to_csv(columns, rows)
        if file_format == "csv"
        else to_xlsx(columns, rows, sheet_title=filename)
    )
    full_name = f"{filename}.{file_format}"
    downloads.record(actor=actor, subject=subject, filename=full_name)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    downloads.attachment_headers(response, filename=full_name)
    return response
