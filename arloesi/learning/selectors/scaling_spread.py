"""The spread of a scale-up: every cluster of its footprint (the 60 of Wales, or those of the
health board), grouped by health board, each with how the innovation has reached it — the
original pilot site, adopted or adapted by the cluster (its adoptions of the pilot's learning
records), its stage in the roll-out — or nothing yet. A table, and the same as a grid drawing
(``learning.spread_drawing``). Seen by whoever may see the scale-up; a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.learning.models import Adoption, RolloutSite, ScaleUp
from arloesi.learning.selectors.scaling import MOST_CLUSTERS, scale_up_get_for_user
from arloesi.learning.selectors.scaling_pages import pilot_cluster_id
from arloesi.learning.spread_drawing import spread_grid
from arloesi.learning.vocabulary import AdoptionKind, RolloutStage
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind

LIVE = (RolloutStage.LIVE, RolloutStage.SUSTAINED)
PLANNED = (RolloutStage.PLANNED, RolloutStage.PREPARING)


@dataclass(frozen=True)
class SpreadCell:
    cluster: object
    taken: str  # "pilot", "adopt", "adapt" or ""
    stage: str  # a RolloutStage, or ""

    @property
    def taken_label(self) -> str:
        if self.taken == "pilot":
            return _("Original pilot site")
        return str(AdoptionKind(self.taken).label) if self.taken else ""

    @property
    def stage_label(self) -> str:
        return str(RolloutStage(self.stage).label) if self.stage else ""

    @property
    def category(self) -> str:
        if self.taken == "pilot":
            return "pilot"
        if self.taken:
            return "adopted"
        if self.stage in LIVE:
            return "live"
        if self.stage in PLANNED:
            return "planned"
        return "none"

    @property
    def state(self) -> str:
        words = [w for w in (self.taken_label, self.stage_label) if w]
        return ", ".join(words) if words else _("Not yet")


@dataclass(frozen=True)
class SpreadBoard:
    board: object
    cells: list[SpreadCell]

    @property
    def reached(self) -> int:
        return sum(1 for cell in self.cells if cell.category != "none")


@dataclass(frozen=True)
class SpreadPage:
    scale_up: ScaleUp
    boards: list[SpreadBoard]
    counts: Counter
    drawing: Markup

    @property
    def total(self) -> int:
        return sum(len(board.cells) for board in self.boards)

    @property
    def reached(self) -> int:
        return sum(board.reached for board in self.boards)


def _legend() -> list[tuple[str, str]]:
    return [
        ("pilot", _("Original pilot site")),
        ("adopted", _("Adopted or adapted")),
        ("live", _("Live or sustained in the roll-out")),
        ("planned", _("Planned or preparing in the roll-out")),
        ("none", _("Not yet")),
    ]


def spread_page(*, user, scale_up_id: int) -> SpreadPage:
    scale_up = scale_up_get_for_user(user=user, scale_up_id=scale_up_id)
    within = scale_up.target_unit.path
    clusters = organisations.units_of_kind(kind=Kind.CLUSTER, within=within, limit=MOST_CLUSTERS)
    boards = organisations.units_of_kind(kind=Kind.HEALTH_BOARD, within=within)
    stages = dict(RolloutSite.objects.filter(scale_up=scale_up).values_list("cluster_id", "stage"))
    taken = dict(
        Adoption.objects.filter(record__project_id=scale_up.project_id)
        .order_by("created_at", "pk")
        .values_list("cluster_id", "kind")
    )
    taken[pilot_cluster_id(scale_up)] = "pilot"
    rows = []
    for board in sorted(boards, key=lambda unit: unit.name):
        cells = [
            SpreadCell(cluster, taken.get(cluster.pk, ""), stages.get(cluster.pk, ""))
            for cluster in clusters
            if cluster.path.startswith(board.path)
        ]
        cells.sort(key=lambda cell: (cell.cluster.parent.name, cell.cluster.name))
        if cells:
            rows.append(SpreadBoard(board, cells))
    counts = Counter(cell.category for row in rows for cell in row.cells)
    drawing = spread_grid(
        [
            (row.board.name, [(c.cluster.name, c.category, c.state) for c in row.cells])
            for row in rows
        ],
        legend=_legend(),
        title=_("Where “%(title)s” has reached") % {"title": scale_up.title},
        description=_(
            "A row of squares for each health board, one square for each of its clusters, "
            "filled by how far the innovation has reached the cluster. The table gives the "
            "same in words."
        ),
        chart_id="spread-grid",
    )
    return SpreadPage(
        scale_up=scale_up,
        boards=rows,
        counts=counts,
        drawing=Markup(drawing),  # noqa: S704 (core.svg escapes every text and attribute)
    )
