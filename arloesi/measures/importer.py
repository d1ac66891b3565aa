"""A measure's data from a CSV or XLSX file: one row a period.

Columns (the first row names them, in any order): ``period_start`` (a date: the period it falls
in), then ``value`` — or ``numerator`` and ``denominator`` for a p, p′, u or u′ chart — and
optionally ``excluded`` (yes/no) and ``excluded_reason``. Everything is checked before anything
is written: one wrong cell means nothing is imported and every problem is reported with its row
and column. Importing the same file again changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from arloesi.core import spreadsheets
from arloesi.core.text import CONTROL_CHARACTERS_MESSAGE, has_control_characters
from arloesi.measures import periods

COLUMNS = ["period_start", "value", "numerator", "denominator", "excluded", "excluded_reason"]
MAX_ROWS = 5000
LARGEST = Decimal("999999999999")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S")
YES = {"yes", "y", "true", "1", "ie", "do"}
NO = {"", "no", "n", "false", "0", "na", "naddo"}


ImportFileError = spreadsheets.SpreadsheetError


@dataclass
class Problem:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class Entry:
    """One period's data, checked."""

    period_start: date
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    excluded: bool = False
    excluded_reason: str = ""


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def read_table(filename: str, content: bytes) -> list[dict[str, str]]:
    """Rows of the first sheet (XLSX) or the file (CSV) as dicts keyed by lower-case header."""
    return spreadsheets.read_table(filename, content, required=["period_start"], max_rows=MAX_ROWS)


def _date(text: str) -> date | None:
    text = text.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        # YYYY-MM-DD, what a program sends: read directly (strptime is slow for thousands).
        try:
            found = date.fromisoformat(text)
        except ValueError:
            return None
        return found if 1900 <= found.year <= 2200 else None
    for pattern in DATE_FORMATS:
        try:
            found = datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
        return found if 1900 <= found.year <= 2200 else None
    return None


def _number(text: str) -> Decimal | None:
    try:
        number = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) > LARGEST:
        return None
    return (
        number.quantize(Decimal("0.0001")) if number == number.quantize(Decimal("0.0001")) else None
    )


def validate(
    table: list[dict[str, str]], *, frequency: str, ratio: bool, proportion: bool = False
) -> tuple[list[Entry], list[Problem]]:
    """Each row checked. ``ratio``: the measure's chart needs a numerator and a denominator
    (else a value, or both); ``proportion``: the numerator is a part of the denominator."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    seen: dict[date, int] = {}
    for number, raw in enumerate(table, start=2):

        def problem(column: str, message: str, row: int = number) -> None:
            problems.append(Problem(row, column, message))

        on = _date(raw.get("period_start", ""))
        if on is None:
            problem("period_start", _("Enter a real date, for example 2025-03-31 or 31/03/2025."))
        else:
            on = periods.period_start(on, frequency)
            if on in seen:
                problem(
                    "period_start",
                    _("Row %(row)s has data for the same period.") % {"row": seen[on]},
                )
            seen.setdefault(on, number)
        numbers: dict[str, Decimal | None] = {}
        has_pair = bool(raw.get("numerator", "").strip() and raw.get("denominator", "").strip())
        wanted = ("numerator", "denominator") if ratio or has_pair else ("value",)
        for column in wanted:
            text = raw.get(column, "").strip()
            numbers[column] = None
            if not text:
                problem(column, _("Enter a number."))
                continue
            numbers[column] = _number(text)
            if numbers[column] is None:
                problem(column, _("Enter a number, like 15 or 0.25 (up to 4 decimal places)."))
            elif numbers[column] < 0 and column != "value":
                problem(column, _("Enter a number that is 0 or more."))
        if numbers.get("denominator") is not None and numbers["denominator"] == 0:
            problem("denominator", _("The denominator must be more than 0."))
        if (
            proportion
            and numbers.get("numerator") is not None
            and numbers.get("denominator")
            and numbers["numerator"] > numbers["denominator"]
        ):
            problem("numerator", _("The numerator must not be more than the denominator."))
        excluded_text = raw.get("excluded", "").strip().lower()
        if excluded_text not in YES | NO:
            problem("excluded", _("Enter yes or no."))
        excluded = excluded_text in YES
        reason = raw.get("excluded_reason", "").strip()
        if has_control_characters(reason):
            problem("excluded_reason", str(CONTROL_CHARACTERS_MESSAGE))
        elif len(reason) > 500:
            problem("excluded_reason", _("Reasons must be 500 characters or fewer."))
        elif excluded and not reason:
            problem("excluded_reason", _("Enter why this period is left out."))
        if on is not None:
            entries.append(
                Entry(
                    period_start=on,
                    value=numbers.get("value"),
                    numerator=numbers.get("numerator"),
                    denominator=numbers.get("denominator"),
                    excluded=excluded,
                    excluded_reason=reason if excluded else "",
                )
            )
    problems.sort(key=lambda p: (p.row, COLUMNS.index(p.column) if p.column in COLUMNS else 99))
    return entries, problems
