"""Importing a register's entries from a CSV or XLSX file.

Everything is checked before anything is written; one wrong cell means nothing is imported and
every problem is reported with its row and column. A row is matched to an entry of the same
register by its title; importing the same file again changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from arloesi.core import spreadsheets as spreadsheet
from arloesi.core.text import CONTROL_CHARACTERS_MESSAGE, has_control_characters
from arloesi.organisations import selectors as organisations
from arloesi.risks.models import RiskEntry
from arloesi.risks.permissions import Perm
from arloesi.risks.services.register import entry_create, entry_rescore, entry_update
from arloesi.risks.services.rules import require_manage
from arloesi.risks.vocabulary import Category, ScoreKind, Status

COLUMNS = [
    "title",
    "category",
    "description",
    "cause",
    "effect",
    "owner_email",
    "controls",
    "initial_consequence",
    "initial_likelihood",
    "current_consequence",
    "current_likelihood",
    "target_consequence",
    "target_likelihood",
    "next_review_on",
]
REQUIRED_COLUMNS = ["title", "category", "initial_consequence", "initial_likelihood"]
TEXT_COLUMNS = ["title", "description", "cause", "effect", "controls"]
TEXT_LIMITS = {"title": 200, "description": 5000, "cause": 5000, "effect": 5000, "controls": 5000}
SCORE_PAIRS = [("initial", True), ("current", False), ("target", False)]
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass
class Problem:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Row:
    number: int
    values: dict


def _category(value: str) -> str | None:
    value = value.strip().lower()
    for category in Category:
        if value in {category.value, str(category.label).lower()}:
            return category.value
    return None


def _date(value: str) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if 1900 <= parsed.year <= 2200:
            return parsed
    return None


def _validate(unit, table: list[dict[str, str]]) -> tuple[list[_Row], list[Problem]]:
    problems: list[Problem] = []
    rows: list[_Row] = []
    people = {
        person.email.lower(): person
        for person in organisations.people_holding(permission=Perm.VIEW, unit=unit)
    }
    titles: set[str] = set()
    for number, raw in enumerate(table, start=2):

        def problem(column: str, message: str, number: int = number) -> None:
            problems.append(Problem(number, column, message))

        values: dict = {}
        for column in TEXT_COLUMNS:
            text = raw.get(column, "").strip()
            if has_control_characters(text):
                problem(column, str(CONTROL_CHARACTERS_MESSAGE))
            elif len(text) > TEXT_LIMITS[column]:
                problem(
                    column,
                    _("Must be %(limit)d characters or fewer.") % {"limit": TEXT_LIMITS[column]},
                )
            values[column] = text
        if not values["title"]:
            problem("title", _("Enter a title."))
        elif values["title"].lower() in titles:
            problem("title", _("This title appears more than once in the file."))
        titles.add(values["title"].lower())
        values["category"] = _category(raw.get("category", ""))
        if values["category"] is None:
            problem(
                "category",
                _("Enter one of: %(choices)s.") % {"choices": ", ".join(Category.values)},
            )
        email = raw.get("owner_email", "").strip().lower()
        values["owner"] = people.get(email) if email else None
        if email and values["owner"] is None:
            problem("owner_email", _("Nobody who may see this register has this e-mail address."))
        for prefix, required in SCORE_PAIRS:
            pair = []
            for part in ("consequence", "likelihood"):
                column = f"{prefix}_{part}"
                text = raw.get(column, "").strip()
                if not text and not required:
                    pair.append(None)
                elif text not in {"1", "2", "3", "4", "5"}:
                    problem(column, _("Enter a whole number from 1 to 5."))
                    pair.append(None)
                else:
                    pair.append(int(text))
            if (pair[0] is None) != (pair[1] is None) and not required:
                missing = f"{prefix}_{'consequence' if pair[0] is None else 'likelihood'}"
                problem(missing, _("Enter both the consequence and the likelihood, or neither."))
            values[prefix] = tuple(pair) if None not in pair else None
        review = raw.get("next_review_on", "").strip()
        values["next_review_on"] = _date(review) if review else None
        if review and values["next_review_on"] is None:
            problem("next_review_on", _("Enter a real date, like 2026-03-31."))
        rows.append(_Row(number, values))
    problems.sort(key=lambda p: (p.row, COLUMNS.index(p.column) if p.column in COLUMNS else 99))
    return rows, problems


def _changes(entry: RiskEntry, values: dict) -> tuple[dict, dict]:
    """What the row would change: described fields, and scores by kind."""
    described = {
        name: values[name]
        for name in ("title", "category", "description", "cause", "effect", "controls")
        if getattr(entry, name) != values[name]
    }
    if entry.owner_id != (values["owner"].pk if values["owner"] else None):
        described["owner"] = values["owner"]
    scores = {}
    current = values["current"] or values["initial"]
    for kind, pair in (
        (ScoreKind.INITIAL, values["initial"]),
        (ScoreKind.CURRENT, current),
        (ScoreKind.TARGET, values["target"] or current),
    ):
        saved = (getattr(entry, f"{kind}_consequence"), getattr(entry, f"{kind}_likelihood"))
        if saved != pair:
            scores[kind] = pair
    return described, scores


def entries_import(*, actor, unit, filename: str, content: bytes) -> ImportResult:
    """Import the file's rows into ``unit``'s register (the actor must keep it)."""
    require_manage(actor, unit)
    try:
        table = spreadsheet.read_table(filename, content, required=REQUIRED_COLUMNS)
    except spreadsheet.SpreadsheetError as error:
        return ImportResult(problems=[Problem(1, "", str(error))])
    rows, problems = _validate(unit, table)
    existing = {entry.title.lower(): entry for entry in RiskEntry.objects.filter(unit=unit)}
    for row in rows:
        entry = existing.get(row.values["title"].lower())
        if entry is not None and entry.status != Status.OPEN and any(_changes(entry, row.values)):
            problems.append(
                Problem(row.number, "title", _("This risk is closed: open it again first."))
            )
    if problems:
        return ImportResult(problems=problems)
    result = ImportResult()
    reason = _("Imported from %(file)s") % {"file": filename}
    with transaction.atomic():
        for row in rows:
            values = row.values
            entry = existing.get(values["title"].lower())
            if entry is None:
                entry_create(
                    actor=actor,
                    unit=unit,
                    title=values["title"],
                    category=values["category"],
                    description=values["description"],
                    cause=values["cause"],
                    effect=values["effect"],
                    owner=values["owner"],
                    controls=values["controls"],
                    initial=values["initial"],
                    current=values["current"],
                    target=values["target"],
                    next_review_on=values["next_review_on"],
                    reason=reason,
                )
                result.created += 1
                continue
            described, scores = _changes(entry, values)
            if not (described or scores):
                result.unchanged += 1
                continue
            if described:
                entry = entry_update(
                    actor=actor, entry=entry, expected_version=entry.version, **described
                )
            for kind, (consequence, likelihood) in scores.items():
                entry = entry_rescore(
                    actor=actor,
                    entry=entry,
                    expected_version=entry.version,
                    kind=kind,
                    consequence=consequence,
                    likelihood=likelihood,
                    reason=reason,
                )
            result.updated += 1
    return result
