"""What a register's pages show, each in a fixed number of queries: the registers a person may
open, and one register — its entries (filtered by category, band, status and overdue review, a
page at a time), the heat map of its open entries with its table, and the reviews overdue.

An entry's review is overdue when it is open and its review date has passed.
"""

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.core import permissions
from arloesi.organisations import selectors as organisations
from arloesi.risks import charts, matrix
from arloesi.risks.models import RiskEntry
from arloesi.risks.permissions import Perm
from arloesi.risks.selectors.access import (
    REGISTER_KINDS,
    matrix_for,
    may_manage,
    next_level_of,
)
from arloesi.risks.vocabulary import Band, Category, Status

ENTRIES_PER_PAGE = 25
OVERDUE_SHOWN = 20


@dataclass(frozen=True)
class Filters:
    category: str = ""
    band: str = ""
    status: str = ""
    overdue: bool = False

    @classmethod
    def from_query(cls, query) -> "Filters":
        """Only values the register knows; anything else is no filter."""

        def known(name: str, values) -> str:
            value = query.get(name, "")
            return value if value in values else ""

        return cls(
            category=known("category", Category.values),
            band=known("band", Band.values),
            status=known("status", Status.values),
            overdue=query.get("overdue", "") == "yes",
        )

    @property
    def any(self) -> bool:
        return bool(self.category or self.band or self.status or self.overdue)

    @property
    def query(self) -> str:
        """The filters as a query string (for the pages and the spreadsheet)."""
        chosen = {"category": self.category, "band": self.band, "status": self.status}
        chosen["overdue"] = "yes" if self.overdue else ""
        return urlencode({name: value for name, value in chosen.items() if value})


@dataclass(frozen=True)
class EntryRow:
    entry: RiskEntry
    band: str
    band_label: str
    overdue: bool


@dataclass(frozen=True)
class BandRange:
    band: str
    label: str
    low: int
    high: int
    review_months: int


@dataclass
class RegisterPage:
    unit: Any
    may_manage: bool
    may_configure: bool
    next_level: Any
    filters: Filters
    rows: list[EntryRow]
    page: Page
    open_count: int
    bands: list[BandRange]
    escalation_score: int
    heat_map: Markup
    # Likelihood 5 to 1, each with its five cells (consequence 1 to 5): (score, band, count).
    heat_table: list[tuple[int, list[tuple[int, str, int]]]]
    overdue: list[EntryRow] = field(default_factory=list)
    overdue_count: int = 0


def band_ranges(board: matrix.RiskMatrix) -> list[BandRange]:
    labels = dict(Band.choices)
    return [
        BandRange(band, str(labels[band]), *matrix.score_range(band, board), months)
        for band, months in zip(matrix.BANDS, board.review_months, strict=True)
    ]


def _entries(unit, filters: Filters, board: matrix.RiskMatrix) -> QuerySet[RiskEntry]:
    entries = RiskEntry.objects.filter(unit=unit)
    if filters.category:
        entries = entries.filter(category=filters.category)
    if filters.status:
        entries = entries.filter(status=filters.status)
    if filters.band:
        low, high = matrix.score_range(filters.band, board)
        entries = entries.filter(current_score__gte=low, current_score__lte=high)
    if filters.overdue:
        entries = entries.filter(status=Status.OPEN, next_review_on__lt=timezone.localdate())
    return entries


def _row(entry: RiskEntry, board: matrix.RiskMatrix, labels: dict, today) -> EntryRow:
    band = matrix.band_of(entry.current_score, board)
    overdue = entry.status == Status.OPEN and entry.next_review_on < today
    return EntryRow(entry, band, labels[band], overdue)


def register_rows(*, unit, filters: Filters) -> list[EntryRow]:
    """Every entry of the register the filters choose (for the spreadsheet)."""
    board = matrix_for(unit)
    labels = {value: str(label) for value, label in Band.choices}
    today = timezone.localdate()
    return [
        _row(entry, board, labels, today)
        for entry in _entries(unit, filters, board).select_related("owner", "escalated_to__unit")
    ]


def register_page(*, user, unit, filters: Filters, page_number=None) -> RegisterPage:
    board = matrix_for(unit)
    labels = {value: str(label) for value, label in Band.choices}
    today = timezone.localdate()
    listed = _entries(unit, filters, board).select_related(
        "owner", "escalated_to__unit", "escalated_from__unit"
    )
    page = Paginator(listed, ENTRIES_PER_PAGE).get_page(page_number)
    open_entries = RiskEntry.objects.filter(unit=unit, status=Status.OPEN)
    cells = {
        (row["current_consequence"], row["current_likelihood"]): row["n"]
        for row in open_entries.values("current_consequence", "current_likelihood").annotate(
            n=Count("pk")
        )
    }
    overdue = open_entries.filter(next_review_on__lt=today)
    overdue_rows = [
        _row(entry, board, labels, today)
        for entry in overdue.select_related("owner").order_by("next_review_on", "pk")[
            :OVERDUE_SHOWN
        ]
    ]
    total = open_entries.aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(next_review_on__lt=today))
    )
    heat_table = [
        (
            likelihood,
            [
                (
                    c * likelihood,
                    labels[matrix.band_of(c * likelihood, board)],
                    cells.get((c, likelihood), 0),
                )
                for c in range(1, 6)
            ],
        )
        for likelihood in range(5, 0, -1)
    ]
    drawing = charts.heat_map(
        cells,
        lambda score: matrix.band_of(score, board),
        charts.ChartText(
            title=_("Heat map of the open risks"),
            description=_(
                "How many open risks have each current score: consequence across, likelihood "
                "up. The table below gives the same figures."
            ),
            x_axis=_("Consequence"),
            y_axis=_("Likelihood"),
            chart_id="heat-map",
        ),
    )
    return RegisterPage(
        unit=unit,
        may_manage=may_manage(user, unit),
        may_configure=unit.kind == "health_board"
        and permissions.can(user, Perm.CONFIGURE, unit.path),
        next_level=next_level_of(unit),
        filters=filters,
        rows=[_row(entry, board, labels, today) for entry in page.object_list],
        page=page,
        open_count=total["open"],
        bands=band_ranges(board),
        escalation_score=board.escalation_score,
        heat_map=Markup(drawing),  # noqa: S704 (core.svg escapes every text and attribute)
        heat_table=heat_table,
        overdue=overdue_rows,
        overdue_count=total["overdue"],
    )


@dataclass(frozen=True)
class RegisterSummary:
    unit: Any
    open_count: int
    overdue_count: int


def registers_for(*, user) -> list[RegisterSummary]:
    """The registers ``user`` may open — health boards, planning groups, clusters — each with
    its open entries and reviews overdue."""
    units = [
        unit
        for kind in REGISTER_KINDS[::-1]
        for unit in organisations.units_for(user=user, permission=Perm.VIEW, kind=kind)
    ]
    today = timezone.localdate()
    counts = {
        row["unit"]: row
        for row in RiskEntry.objects.filter(
            unit__in=[unit.pk for unit in units], status=Status.OPEN
        )
        .values("unit")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(next_review_on__lt=today)),
        )
    }
    return [
        RegisterSummary(
            unit,
            counts.get(unit.pk, {}).get("open", 0),
            counts.get(unit.pk, {}).get("overdue", 0),
        )
        for unit in units
    ]


def owners_for(*, unit) -> list:
    """The people who may own an entry or action of ``unit``'s register: those who see it."""
    return list(organisations.people_holding(permission=Perm.VIEW, unit=unit))
