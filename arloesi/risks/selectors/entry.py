"""What an entry's pages show, in a fixed number of queries: its description and scores with
their bands, its history of scores (a trend chart and its table), its further actions, its
status changes, where it was escalated from or to, what it comes from, and its history of
changes."""

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.core import audit, permissions
from arloesi.risks import charts, matrix
from arloesi.risks.models import Rescore, RiskAction, RiskEntry, RiskStatusChange
from arloesi.risks.selectors.access import (
    NEXT_LEVEL,
    matrix_for,
    may_manage,
    may_view,
)
from arloesi.risks.vocabulary import Band, ScoreKind, Status


@dataclass(frozen=True)
class Score:
    kind: str
    label: str
    consequence: int
    likelihood: int
    score: int
    band: str
    band_label: str


@dataclass(frozen=True)
class Linked:
    """An entry this one was escalated from or to, and whether the reader may open it."""

    entry: RiskEntry
    may_open: bool


@dataclass(frozen=True)
class ActionRow:
    action: RiskAction
    overdue: bool


@dataclass
class EntryPage:
    entry: RiskEntry
    may_change: bool
    may_reopen: bool
    may_escalate: bool
    review_overdue: bool
    scores: list[Score]
    band_label: str
    review_months: int
    rescores: list[Rescore]
    trend: Markup
    actions: list[ActionRow]
    status_changes: list[RiskStatusChange]
    escalated_to: Linked | None
    escalated_from: Linked | None
    links: list[tuple[str, str]]
    status_labels: dict[str, str]


def _score(kind, label, consequence, likelihood, board, labels) -> Score:
    value = consequence * likelihood
    band = matrix.band_of(value, board)
    return Score(kind, str(label), consequence, likelihood, value, band, labels[band])


def entry_page(*, user, entry: RiskEntry) -> EntryPage:
    """Everything the entry's page shows (``entry`` from ``entry_get_for_user``)."""
    board = matrix_for(entry.unit)
    labels = {value: str(label) for value, label in Band.choices}
    kinds = dict(ScoreKind.choices)
    today = timezone.localdate()
    manager = may_manage(user, entry.unit)
    is_open = entry.status == Status.OPEN
    scores = [
        _score(
            kind,
            kinds[kind],
            getattr(entry, f"{kind}_consequence"),
            getattr(entry, f"{kind}_likelihood"),
            board,
            labels,
        )
        for kind in ScoreKind.values
    ]
    rescores = list(
        Rescore.objects.filter(entry=entry).select_related("scored_by").order_by("at", "pk")
    )
    source = RiskEntry.objects.filter(escalated_to=entry).select_related("unit").first()
    current = scores[1]
    return EntryPage(
        entry=entry,
        may_change=manager and is_open,
        may_reopen=manager and not is_open,
        may_escalate=manager
        and is_open
        and entry.escalated_to_id is None
        and entry.unit.kind in NEXT_LEVEL,
        review_overdue=is_open and entry.next_review_on < today,
        scores=scores,
        band_label=current.band_label,
        review_months=matrix.review_months(current.band, board),
        rescores=rescores,
        trend=_trend(rescores),
        actions=[
            ActionRow(
                action, action.done_on is None and bool(action.due_on) and action.due_on < today
            )
            for action in RiskAction.objects.filter(entry=entry).select_related("owner")
        ],
        status_changes=list(
            RiskStatusChange.objects.filter(entry=entry)
            .select_related("actor")
            .order_by("at", "pk")
        ),
        escalated_to=(
            Linked(entry.escalated_to, may_view(user, entry.escalated_to.unit))
            if entry.escalated_to_id
            else None
        ),
        escalated_from=Linked(source, may_view(user, source.unit)) if source else None,
        links=[(str(label), str(text)) for label, text in (entry.links or {}).items() if text],
        status_labels={value: str(label) for value, label in Status.choices},
    )


def _trend(rescores: list[Rescore]) -> Markup:
    points = [
        (
            timezone.localdate(rescore.at).toordinal(),
            rescore.score,
            timezone.localdate(rescore.at).strftime("%d/%m/%Y"),
        )
        for rescore in rescores
        if rescore.kind == ScoreKind.CURRENT
    ]
    drawing = charts.trend(
        points,
        charts.ChartText(
            title=_("The current score over time"),
            description=_(
                "Each point is a time the current score was given, from 1 to 25. The table "
                "below lists every score given, with who gave it and why."
            ),
            x_axis=_("Date"),
            y_axis=_("Score"),
            chart_id="trend",
        ),
    )
    return Markup(drawing)  # noqa: S704 (core.svg escapes every text and attribute)


@dataclass(frozen=True)
class HistoryPage:
    events: list
    show_values: bool
    can_redact: bool


def history_page(*, user, entry: RiskEntry) -> HistoryPage:
    """Every recorded change to the entry and its actions; the values before and after for
    those who keep the register and administrators."""
    show = may_manage(user, entry.unit) or permissions.can(
        user, permissions.REDACT, entry.scope_path
    )
    return HistoryPage(
        events=audit.history_for(
            entry,
            including=(RiskAction.objects.filter(entry=entry), Rescore.objects.filter(entry=entry)),
            show_values=show,
        ),
        show_values=show,
        can_redact=permissions.can(user, permissions.REDACT, entry.scope_path),
    )


def action_of(*, entry: RiskEntry, action_id: int) -> RiskAction:
    action = RiskAction.objects.filter(entry=entry, pk=action_id).first()
    if action is None:
        raise Http404
    action.entry = entry
    return action


def entries_from(*, source_kind: str, source_ids) -> dict[int, RiskEntry]:
    """The entries raised from these sources (one per source: the open one, else the latest),
    for other apps' pages to link to ``risks:entry``. Callers check who may read them."""
    found: dict[int, RiskEntry] = {}
    for entry in (
        RiskEntry.objects.filter(source_kind=source_kind, source_id__in=list(source_ids))
        .only(
            "pk", "title", "status", "source_id", "current_score", "unit_id", "source_allocated_on"
        )
        .order_by("pk")
    ):
        held = found.get(entry.source_id)
        if held is None or held.status != Status.OPEN:
            found[entry.source_id] = entry
    return found
