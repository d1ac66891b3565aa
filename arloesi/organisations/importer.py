"""Load planning groups, clusters and collaboratives from a CSV or XLSX file.

Everything is checked before anything is written; one wrong cell means nothing is imported and
every problem is reported with its row and column. Importing the same file again changes nothing.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from arloesi.core import spreadsheets
from arloesi.core.text import CONTROL_CHARACTERS_MESSAGE, has_control_characters
from arloesi.organisations import services
from arloesi.organisations.models import OrganisationUnit
from arloesi.organisations.roles import PARENT_KIND, Kind, Profession

COLUMNS = ["type", "code", "name_en", "name_cy", "parent_code", "local_alias", "profession"]
# Columns whose text is kept and shown: control characters are refused (core.text).
TEXT_COLUMNS = ["name_en", "name_cy", "local_alias"]
REQUIRED_COLUMNS = ["type", "code", "name_en", "name_cy", "parent_code"]
IMPORTABLE_KINDS = [Kind.PLANNING_GROUP, Kind.CLUSTER, Kind.COLLABORATIVE]
MAX_ROWS = 5000
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,39}$")


ImportFileError = spreadsheets.SpreadsheetError


@dataclass
class Problem:
    row: int
    column: str
    message: str


@dataclass
class ImportRow:
    number: int
    kind: Kind
    code: str
    name_en: str
    name_cy: str
    parent_code: str
    local_alias: str
    profession: str


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
    return spreadsheets.read_table(filename, content, required=REQUIRED_COLUMNS, max_rows=MAX_ROWS)


def _parse_kind(value: str) -> Kind | None:
    value = value.strip().lower().replace(" ", "_").replace("-", "_")
    aliases = {"pcpg": Kind.PLANNING_GROUP, "pan_cluster_planning_group": Kind.PLANNING_GROUP}
    if value in aliases:
        return aliases[value]
    return Kind(value) if value in {k.value for k in IMPORTABLE_KINDS} else None


def _parse_profession(value: str) -> str | None:
    value = value.strip()
    for profession in Profession:
        if value.lower() in {profession.value, str(profession.label).lower()}:
            return profession.value
    return None


def validate(table: list[dict[str, str]]) -> tuple[list[ImportRow], list[Problem]]:
    problems: list[Problem] = []
    rows: list[ImportRow] = []
    codes_in_file: dict[str, Kind] = {}
    existing = {u.code: u for u in OrganisationUnit.objects.only("code", "kind")}

    for index, raw in enumerate(table, start=2):

        def problem(column: str, message: str, row: int = index) -> None:
            problems.append(Problem(row, column, message))

        kind = _parse_kind(raw.get("type", ""))
        if kind is None:
            problem(
                "type",
                _("Enter planning_group, cluster or collaborative (found “%(value)s”).")
                % {"value": raw.get("type", "")},
            )
        code = raw.get("code", "").strip().upper()
        if not code:
            problem("code", _("Enter a code."))
        elif not CODE_PATTERN.match(code):
            problem(
                "code",
                _("Codes use only letters, numbers, - and _ (up to 40 characters)."),
            )
        elif code in codes_in_file:
            problem("code", _("The code %(code)s appears more than once.") % {"code": code})
        elif kind and code in existing and existing[code].kind != kind:
            problem(
                "code",
                _("%(code)s already exists as a different type of organisation.") % {"code": code},
            )
        for column in ("name_en", "name_cy"):
            value = raw.get(column, "").strip()
            if not value:
                problem(column, _("Enter a name."))
            elif len(value) > 200:
                problem(column, _("Names must be 200 characters or fewer."))
        for column in TEXT_COLUMNS:
            if has_control_characters(raw.get(column, "")):
                problem(column, str(CONTROL_CHARACTERS_MESSAGE))
        alias = raw.get("local_alias", "").strip()
        if alias and kind != Kind.CLUSTER:
            problem("local_alias", _("Only clusters have a local name."))
        elif len(alias) > 40:
            problem("local_alias", _("Local names must be 40 characters or fewer."))
        profession_raw = raw.get("profession", "").strip()
        profession = ""
        if kind == Kind.COLLABORATIVE:
            parsed = _parse_profession(profession_raw)
            if parsed is None:
                problem(
                    "profession",
                    _("Enter one of: %(choices)s.")
                    % {"choices": ", ".join(p.value for p in Profession)},
                )
            else:
                profession = parsed
        elif profession_raw:
            problem("profession", _("Only collaboratives have a profession."))
        if kind and code:
            codes_in_file[code] = kind
        rows.append(
            ImportRow(
                number=index,
                kind=kind or Kind.CLUSTER,
                code=code,
                name_en=raw.get("name_en", "").strip(),
                name_cy=raw.get("name_cy", "").strip(),
                parent_code=raw.get("parent_code", "").strip().upper(),
                local_alias=alias,
                profession=profession,
            )
        )

    # Parents may come from the database or from anywhere in the file.
    for row in rows:
        if any(p.row == row.number and p.column == "type" for p in problems):
            continue
        expected = PARENT_KIND[row.kind]
        parent_kind = codes_in_file.get(row.parent_code) or (
            existing[row.parent_code].kind if row.parent_code in existing else None
        )
        if not row.parent_code:
            problems.append(Problem(row.number, "parent_code", _("Enter the parent's code.")))
        elif parent_kind is None:
            problems.append(
                Problem(
                    row.number,
                    "parent_code",
                    _("No organisation has the code %(code)s.") % {"code": row.parent_code},
                )
            )
        elif parent_kind != expected:
            problems.append(
                Problem(
                    row.number,
                    "parent_code",
                    _("The parent of a %(kind)s must be a %(parent)s.")
                    % {"kind": row.kind.label.lower(), "parent": Kind(expected).label.lower()},
                )
            )
    problems.sort(key=lambda p: (p.row, COLUMNS.index(p.column) if p.column in COLUMNS else 99))
    return rows, problems


def import_units(*, actor, filename: str, content: bytes) -> ImportResult:
    try:
        table = read_table(filename, content)
    except ImportFileError as error:
        return ImportResult(problems=[Problem(1, "", str(error))])
    rows, problems = validate(table)
    if problems:
        return ImportResult(problems=problems)
    result = ImportResult()
    with transaction.atomic():
        units = {u.code: u for u in OrganisationUnit.objects.all()}
        for kind in IMPORTABLE_KINDS:
            for row in (r for r in rows if r.kind == kind):
                fields = {
                    "parent": units[row.parent_code],
                    "name_en": row.name_en,
                    "name_cy": row.name_cy,
                    "local_alias": row.local_alias,
                    "profession": row.profession,
                }
                unit = units.get(row.code)
                if unit is None:
                    units[row.code] = services.unit_create(
                        actor=actor, kind=row.kind, code=row.code, **fields
                    )
                    result.created += 1
                elif any(
                    getattr(unit, name) != value if name != "parent" else unit.parent_id != value.pk
                    for name, value in fields.items()
                ):
                    services.unit_update(actor=actor, unit=unit, **fields)
                    result.updated += 1
                else:
                    result.unchanged += 1
    return result
