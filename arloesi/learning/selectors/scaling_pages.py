"""The pages of scale-up: the list, a project's scale-ups, a scale-up with its assessment
against the six enablers and what Arloesi already knows about the pilot (its evaluation, PDSA
cycles, costs and adoptions elsewhere), and the decisions waiting on the home page. Each page's
reads are one presenter, in a fixed number of queries."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.translation import ngettext

from arloesi.core import permissions
from arloesi.core.attention import AttentionItem
from arloesi.core.jinja import url
from arloesi.evaluation import selectors as evaluation
from arloesi.learning.models import (
    Adoption,
    EnablerAssessment,
    RolloutSite,
    ScaleUp,
    ScaleUpStatusChange,
)
from arloesi.learning.scaling import PROMPTS, assessment_gaps, cluster_id, worth_scaling
from arloesi.learning.selectors.scaling import (
    MOST_CLUSTERS,
    decide_perm,
    may_decide,
    may_follow,
    may_nominate,
    may_run_rollout,
    scale_up_get_for_user,
    scale_ups_visible_to,
    signed_in,
)
from arloesi.learning.vocabulary import AdoptionKind, Enabler, Footprint, ScaleUpStatus
from arloesi.learning.workflow import OPEN_STATUSES, ROLLOUT_WORKFLOW
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.projects import selectors as projects
from arloesi.proposals import selectors as proposals

PER_PAGE = 50

# --- What Arloesi already knows about the pilot -----------------------------------------------


@dataclass(frozen=True)
class Known:
    report: object | None
    outcomes: list
    cycles: list
    funding_requested: Decimal | None
    adopted: int
    adapted: int

    @property
    def costs(self) -> Decimal | None:
        return getattr(self.report, "costs_to_date", None)


def known_about(project) -> Known:
    """The pilot's issued summative evaluation (its results on the four outcomes and costs),
    its PDSA cycles completed, the funding its proposal asked for, and how many clusters have
    adopted or adapted it (callers have checked the reader may follow the scale-up)."""
    report = evaluation.summative_report_of(project_id=project.pk)
    taken = dict(
        Adoption.objects.filter(record__project_id=project.pk)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Known(
        report=report,
        outcomes=evaluation.outcome_rows(report) if report else [],
        cycles=projects.cycles_completed(project_id=project.pk),
        funding_requested=proposals.funding_requested(proposal_id=project.proposal_id),
        adopted=taken.get(AdoptionKind.ADOPT, 0),
        adapted=taken.get(AdoptionKind.ADAPT, 0),
    )


# --- Pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnablerRow:
    enabler: str
    label: str
    prompt: str
    assessment: EnablerAssessment | None

    @property
    def rating(self) -> str:
        return self.assessment.rating if self.assessment else ""

    @property
    def evidence(self) -> str:
        return self.assessment.evidence if self.assessment else ""


def enabler_rows(scale_up: ScaleUp) -> list[EnablerRow]:
    saved = {row.enabler: row for row in EnablerAssessment.objects.filter(scale_up=scale_up)}
    return [
        EnablerRow(enabler.value, str(enabler.label), str(PROMPTS[enabler]), saved.get(enabler))
        for enabler in Enabler
    ]


@dataclass(frozen=True)
class ScaleUpPage:
    scale_up: ScaleUp
    enablers: list[EnablerRow]
    sites: list[RolloutSite]
    changes: list[ScaleUpStatusChange]
    known: Known | None
    may_follow: bool
    may_decide: bool
    may_run: bool
    gaps: dict[str, str] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.scale_up.status in OPEN_STATUSES

    @property
    def may_assess(self) -> bool:
        return self.may_follow and self.is_open

    @property
    def may_decide_now(self) -> bool:
        return self.may_decide and self.scale_up.status == ScaleUpStatus.ASSESSED

    @staticmethod
    def status_label(value: str) -> str:
        return str(ScaleUpStatus(value).label) if value in ScaleUpStatus.values else value

    @property
    def pilot_cluster(self):
        return self.scale_up.project.lead_collaborative.parent


def scale_up_page(*, user, scale_up_id: int) -> ScaleUpPage:
    scale_up = scale_up_get_for_user(user=user, scale_up_id=scale_up_id)
    following = may_follow(user, scale_up)
    enablers = enabler_rows(scale_up)
    return ScaleUpPage(
        scale_up=scale_up,
        enablers=enablers,
        sites=list(
            RolloutSite.objects.filter(scale_up=scale_up)
            .select_related("cluster__parent")
            .order_by("cluster__name_en", "pk")
        ),
        changes=list(
            ScaleUpStatusChange.objects.filter(scale_up=scale_up)
            .select_related("actor")
            .order_by("at", "pk")
        ),
        known=known_about(scale_up.project) if following else None,
        may_follow=following,
        may_decide=may_decide(user, scale_up),
        may_run=may_run_rollout(user, scale_up),
        gaps=assessment_gaps({r.enabler: (r.rating, r.evidence) for r in enablers})
        if scale_up.status in OPEN_STATUSES
        else {},
    )


@dataclass(frozen=True)
class ListPage:
    rows: list[ScaleUp]
    total: int
    number: int
    pages: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def scale_up_list(*, user, page_number: int = 1) -> ListPage:
    """The scale-ups ``user`` may see, newest first, 50 a page, each with its roll-out's
    number of clusters."""
    chosen = scale_ups_visible_to(user=user)
    total = chosen.count()
    pages = max(1, -(-total // PER_PAGE))
    number = min(max(page_number, 1), pages)
    start = (number - 1) * PER_PAGE
    rows = list(
        chosen.select_related("project__lead_collaborative__parent", "target_unit")
        .only(
            "title",
            "footprint",
            "status",
            "nominated_at",
            "target_unit__name_en",
            "target_unit__name_cy",
            "project__lead_collaborative__parent__name_en",
            "project__lead_collaborative__parent__name_cy",
            "project__lead_collaborative__path",
        )
        .annotate(site_count=Count("sites"))
        .order_by("-nominated_at", "-pk")[start : start + PER_PAGE]
    )
    return ListPage(rows=rows, total=total, number=number, pages=pages)


def rollout_next_stages(site: RolloutSite) -> list[str]:
    return ROLLOUT_WORKFLOW.targets(site.stage)


def pilot_cluster_id(scale_up: ScaleUp) -> int | None:
    return cluster_id(scale_up.project.lead_collaborative.path)


@dataclass(frozen=True)
class ProjectScaleUps:
    project: object
    scale_ups: list[ScaleUp]
    may_nominate: bool
    worth_scaling: bool
    # The footprints it is waiting for a decision at.
    open_footprints: frozenset

    @property
    def may_nominate_now(self) -> bool:
        waiting = self.open_footprints >= set(Footprint.values)
        return self.may_nominate and self.worth_scaling and not waiting


def project_scale_ups(*, user, project_id: int) -> ProjectScaleUps:
    """A project's scale-ups that ``user`` may see, and whether they may nominate it now."""
    project = projects.project_get_for_user(user=user, project_id=project_id)
    rows = list(
        scale_ups_visible_to(user=user)
        .filter(project=project)
        .select_related("target_unit")
        .order_by("-nominated_at", "-pk")
    )
    return ProjectScaleUps(
        project=project,
        scale_ups=rows,
        may_nominate=may_nominate(user, project),
        worth_scaling=worth_scaling(project.status, project.outcome),
        open_footprints=frozenset(row.footprint for row in rows if row.status in OPEN_STATUSES),
    )


def scaling_attention_for(user) -> list[AttentionItem]:
    """For those who decide: the scale-ups at their footprint assessed and waiting for them."""
    if not signed_in(user):
        return []
    reached = [
        Q(footprint=footprint) & permissions.scope_q(user, perm, "target_unit__path")
        for footprint in Footprint
        if permissions.can_anywhere(user, perm := decide_perm(footprint))
    ]
    if not reached:
        return []
    waiting = reached[0]
    for more in reached[1:]:
        waiting |= more
    count = ScaleUp.objects.filter(waiting, status=ScaleUpStatus.ASSESSED).count()
    if not count:
        return []
    return [
        AttentionItem(
            text=ngettext(
                "%(count)d scale-up is waiting for your decision",
                "%(count)d scale-ups are waiting for your decision",
                count,
            )
            % {"count": count},
            href=url("learning:scale_ups"),
            count=count,
        )
    ]


def rollout_cluster_choices(scale_up: ScaleUp) -> list:
    """The clusters within the scale-up's footprint not yet in its roll-out, by planning group
    and name."""
    named = RolloutSite.objects.filter(scale_up=scale_up).values_list("cluster_id", flat=True)
    return organisations.units_of_kind(
        kind=Kind.CLUSTER,
        within=scale_up.target_unit.path,
        exclude=tuple(named),
        limit=MOST_CLUSTERS,
    )
