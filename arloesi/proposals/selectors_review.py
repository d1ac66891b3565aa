"""Reads for the review pages (planning-group chairs, cluster leads and reviewers), built on the
scoped selectors in ``selectors.py``. Every function here either checks the reader's permission
on the unit it is given (404 otherwise) or filters through ``core.permissions``.
"""

from dataclasses import dataclass

from django.db.models import Count, F, QuerySet
from django.db.models.query import prefetch_related_objects
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.core import permissions
from arloesi.core.attention import AttentionItem
from arloesi.organisations.models import Membership, OrganisationUnit, Person
from arloesi.organisations.roles import GRANTS, Kind
from arloesi.proposals import selectors
from arloesi.proposals.models import (
    Criterion,
    Decision,
    Intake,
    LocalPriority,
    Proposal,
    ProposalAuthor,
    ReviewerAssignment,
    Score,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.workflow import Status

# --- Units the reader looks after -------------------------------------------------------------


def _unit_for(user, *, unit_id: int, permission: str, kinds: tuple[str, ...]) -> OrganisationUnit:
    """The unit if it is of one of ``kinds`` and ``user`` holds ``permission`` there, else 404."""
    unit = OrganisationUnit.objects.filter(pk=unit_id, kind__in=kinds).first()
    if unit is None or not permissions.can(user, permission, unit.path):
        raise Http404
    return unit


def planning_group_for_chair(user, *, unit_id: int) -> OrganisationUnit:
    return _unit_for(user, unit_id=unit_id, permission=Perm.DECIDE, kinds=(Kind.PLANNING_GROUP,))


def planning_group_for_intake(user, *, unit_id: int) -> OrganisationUnit:
    return _unit_for(
        user, unit_id=unit_id, permission=Perm.MANAGE_INTAKE, kinds=(Kind.PLANNING_GROUP,)
    )


def unit_for_priorities(user, *, unit_id: int) -> OrganisationUnit:
    """A planning group or a cluster whose priorities ``user`` maintains."""
    return _unit_for(
        user,
        unit_id=unit_id,
        permission=Perm.MANAGE_PRIORITIES,
        kinds=(Kind.PLANNING_GROUP, Kind.CLUSTER),
    )


@dataclass(frozen=True)
class ReviewHome:
    planning_groups: list[OrganisationUnit]
    # Clusters whose priorities the reader maintains (outside the planning groups they chair).
    clusters: list[OrganisationUnit]
    intake_groups: set[int]
    can_review: bool
    assignments_waiting: int


def review_home_for(user) -> ReviewHome:
    chaired = list(
        OrganisationUnit.objects.filter(
            permissions.scope_q(user, Perm.DECIDE, "path"), kind=Kind.PLANNING_GROUP
        ).order_by("name_en")
    )
    chaired_paths = tuple(unit.path for unit in chaired)
    clusters = [
        unit
        for unit in OrganisationUnit.objects.filter(
            permissions.scope_q(user, Perm.MANAGE_PRIORITIES, "path"), kind=Kind.CLUSTER
        ).order_by("name_en")
        if not unit.path.startswith(chaired_paths or ("\0",))
    ]
    intake_groups = {
        unit.pk for unit in chaired if permissions.can(user, Perm.MANAGE_INTAKE, unit.path)
    }
    can_review = permissions.can_anywhere(user, Perm.REVIEW)
    return ReviewHome(
        planning_groups=chaired,
        clusters=clusters,
        intake_groups=intake_groups,
        can_review=can_review,
        assignments_waiting=_assignments_waiting(user).count() if can_review else 0,
    )


# --- Local priorities -------------------------------------------------------------------------


def priority_list_for_unit(*, unit: OrganisationUnit) -> QuerySet[LocalPriority]:
    """Every priority the unit agreed, current and past, newest period first."""
    return LocalPriority.objects.filter(unit=unit).select_related("unit")


def priority_get_for_user(user, *, priority_id: int) -> LocalPriority:
    return permissions.get_for_user(
        LocalPriority.objects.select_related("unit"),
        user,
        Perm.MANAGE_PRIORITIES,
        "unit__path",
        pk=priority_id,
    )


# --- Intake and criteria ----------------------------------------------------------------------


@dataclass(frozen=True)
class IntakePage:
    current: Intake | None
    # The intake whose criteria are shown: the open one, else the latest.
    shown: Intake | None
    criteria: list[Criterion]
    scored: bool
    past: list[Intake]


def intake_page_for(*, planning_group: OrganisationUnit) -> IntakePage:
    intakes = list(Intake.objects.filter(planning_group=planning_group).order_by("-opens_at"))
    current = selectors.intake_current(planning_group=planning_group)
    shown = current or (intakes[0] if intakes else None)
    criteria = list(shown.criteria.all()) if shown else []
    scored = bool(shown) and Score.objects.filter(criterion__intake=shown).exists()
    return IntakePage(
        current=current,
        shown=shown,
        criteria=criteria,
        scored=scored,
        past=[intake for intake in intakes if intake != shown],
    )


def intake_get_for_user(user, *, intake_id: int) -> Intake:
    return permissions.get_for_user(
        Intake.objects.select_related("planning_group"),
        user,
        Perm.MANAGE_INTAKE,
        "planning_group__path",
        pk=intake_id,
    )


def criterion_get_for_user(user, *, criterion_id: int) -> Criterion:
    return permissions.get_for_user(
        Criterion.objects.select_related("intake__planning_group"),
        user,
        Perm.MANAGE_INTAKE,
        "intake__planning_group__path",
        pk=criterion_id,
    )


# --- The chair's views of one proposal --------------------------------------------------------


def proposal_for_chair(user, *, proposal_id: int) -> Proposal:
    """A proposal submitted to a planning group ``user`` chairs and did not write, else 404."""
    proposal = selectors.proposal_get_for_user(user=user, proposal_id=proposal_id)
    access = selectors.proposal_access(user=user, proposal=proposal)
    if not access.can_see_reviews:
        raise Http404
    return proposal


def assignments_of(proposal: Proposal) -> list[ReviewerAssignment]:
    return list(
        proposal.assignments.select_related("reviewer", "conflict").order_by(
            "reviewer__full_name", "id"
        )
    )


def reviewer_candidates(*, proposal: Proposal) -> list[Person]:
    """Planning-group members who may review (``proposals.review`` there), are not authors and
    are not assigned yet."""
    path = proposal.planning_group_path
    segments = [s for s in path.strip("/").split("/") if s]
    ancestors = ["/" + "/".join(segments[: i + 1]) + "/" for i in range(len(segments))]
    roles = list(GRANTS[Perm.REVIEW])
    return list(
        Person.objects.filter(
            is_active=True,
            pk__in=Membership.objects.filter(
                role__in=roles, ended_at__isnull=True, unit__path__in=ancestors
            ).values("person"),
        )
        .exclude(pk__in=ProposalAuthor.objects.filter(proposal=proposal).values("person"))
        .exclude(pk__in=ReviewerAssignment.objects.filter(proposal=proposal).values("reviewer"))
        .order_by("full_name", "id")
    )


# --- The ranked queue and the exports ---------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    entry: selectors.QueueEntry
    # The reader wrote it: they may not see its scores (nor decide on it).
    is_own: bool

    @property
    def proposal(self) -> Proposal:
        return self.entry.proposal


def queue_for(user, *, planning_group: OrganisationUnit) -> list[QueueRow]:
    """The ranked queue with sponsors loaded, in a fixed number of queries however long."""
    entries = selectors.review_queue_for(user, planning_group)
    proposals = [entry.proposal for entry in entries]
    prefetch_related_objects(proposals, "sponsors")
    own = set(
        ProposalAuthor.objects.filter(person=user, proposal__in=proposals).values_list(
            "proposal_id", flat=True
        )
    )
    return [QueueRow(entry=entry, is_own=entry.proposal.pk in own) for entry in entries]


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    # Waiting for the chair to bring them back under review.
    deferred: list[Proposal]
    recent_decisions: list[Decision]


RECENT_DECISIONS = 20


def queue_page_for(user, *, planning_group: OrganisationUnit) -> QueuePage:
    rows = queue_for(user, planning_group=planning_group)
    # Only what the page shows of the deferred proposals and the recent decisions: loading whole
    # proposals (and each decision's chair) cost more than the rest of the queue.
    deferred = list(
        Proposal.objects.filter(planning_group=planning_group, status=Status.DEFERRED)
        .exclude(authors__person=user)
        .select_related("lead_collaborative")
        .only("title", "lead_collaborative__name_en", "lead_collaborative__name_cy")
        .order_by("submitted_at", "id")
    )
    recent = list(
        decisions_for(user, planning_group=planning_group)
        .exclude(proposal__authors__person=user)
        .select_related(None)
        .select_related("proposal")
        .only("outcome", "decided_at", "proposal__title")
        .order_by("-decided_at", "-id")[:RECENT_DECISIONS]
    )
    return QueuePage(rows=rows, deferred=deferred, recent_decisions=recent)


def decisions_for(user, *, planning_group: OrganisationUnit) -> QuerySet[Decision]:
    """Every decision recorded in the planning group, oldest first (the chair's)."""
    if not permissions.can(user, Perm.DECIDE, planning_group.path):
        raise Http404
    return (
        Decision.objects.filter(proposal__planning_group=planning_group)
        .select_related("proposal__lead_collaborative", "decided_by")
        .order_by("decided_at", "id")
    )


# --- Reviewers --------------------------------------------------------------------------------


def assignment_list_for(user) -> QuerySet[ReviewerAssignment]:
    """The reader's assignments under review, with how far their scoring has got."""
    return (
        selectors.assignments_for(user)
        .select_related("proposal__lead_collaborative")
        .annotate(
            scored=Count("scores", distinct=True),
            criteria_count=Count("proposal__intake__criteria", distinct=True),
        )
        .order_by("assigned_at", "id")
    )


def _assignments_waiting(user) -> QuerySet[ReviewerAssignment]:
    """Assignments still needing this reviewer: no declaration yet, or criteria left to score."""
    return (
        assignment_list_for(user)
        .exclude(conflict__has_conflict=True)
        # Scoring needs a declaration first, so "not all scored" covers "not declared" too.
        .filter(scored__lt=F("criteria_count"))
    )


@dataclass(frozen=True)
class ReviewPage:
    assignment: ReviewerAssignment
    proposal: Proposal
    criteria: list[Criterion]
    scores: dict[int, Score]
    notes: list
    declared: bool
    conflicted: bool
    can_score: bool


def review_page_for(user, *, assignment_id: int) -> ReviewPage:
    """One reviewer's own assignment: their declaration, scores and private notes."""
    assignment = selectors.assignment_get_for_user(user=user, assignment_id=assignment_id)
    assignment = (
        ReviewerAssignment.objects.select_related(
            "proposal__lead_collaborative", "proposal__planning_group", "conflict"
        )
        .filter(pk=assignment.pk)
        .get()
    )
    proposal = assignment.proposal
    declaration = getattr(assignment, "conflict", None)
    conflicted = bool(declaration and declaration.has_conflict)
    return ReviewPage(
        assignment=assignment,
        proposal=proposal,
        criteria=list(Criterion.objects.filter(intake_id=proposal.intake_id)),
        scores={score.criterion_id: score for score in assignment.scores.all()},
        notes=list(selectors.review_notes_for(user=user, assignment=assignment)),
        declared=declaration is not None,
        conflicted=conflicted,
        can_score=(
            declaration is not None and not conflicted and proposal.status == Status.UNDER_REVIEW
        ),
    )


# --- Home-page attention ----------------------------------------------------------------------


def attention_for(user) -> list[AttentionItem]:
    """Proposals waiting for this person's scores, and for their decision as chair."""
    items = []
    if permissions.can_anywhere(user, Perm.REVIEW):
        waiting = _assignments_waiting(user).count()
        if waiting:
            items.append(
                AttentionItem(
                    text=_("Proposals waiting for your review"),
                    href=reverse("proposals:assignments"),
                    count=waiting,
                )
            )
    if permissions.can_anywhere(user, Perm.DECIDE):
        groups = (
            Proposal.objects.filter(
                permissions.scope_q(user, Perm.DECIDE, "planning_group__path"),
                status=Status.UNDER_REVIEW,
            )
            .values("planning_group_id", "planning_group__name_en", "planning_group__name_cy")
            .annotate(count=Count("id"))
            .order_by("planning_group__name_en")[:10]
        )
        welsh = get_language() == "cy"
        items.extend(
            AttentionItem(
                text=_("Proposals waiting for a decision in %(unit)s")
                % {
                    "unit": row["planning_group__name_cy"]
                    if welsh and row["planning_group__name_cy"]
                    else row["planning_group__name_en"]
                },
                href=reverse("proposals:queue", kwargs={"unit_id": row["planning_group_id"]}),
                count=row["count"],
            )
            for row in groups
        )
    return items


# --- The chair's review summary ---------------------------------------------------------------


@dataclass(frozen=True)
class ReviewerColumn:
    assignment: ReviewerAssignment
    scores: dict[int, Score]
    total: float | None


@dataclass(frozen=True)
class SummaryPage:
    summary: selectors.ReviewSummary
    # Reviewers who scored (conflicted reviewers left out), each with their scores and total.
    columns: list[ReviewerColumn]
    assignments: list[ReviewerAssignment]
    scored_counts: dict[int, int]


def review_summary_for(user, *, proposal: Proposal) -> SummaryPage:
    """Scores and comments of every reviewer without a conflict; never anyone's private notes."""
    summary = selectors.proposal_review_summary(user=user, proposal=proposal)
    by_assignment: dict[int, dict[int, Score]] = {}
    assignment_of: dict[int, ReviewerAssignment] = {}
    for score in summary.scores:
        by_assignment.setdefault(score.assignment_id, {})[score.criterion_id] = score
        assignment_of[score.assignment_id] = score.assignment
    columns = [
        ReviewerColumn(
            assignment=assignment_of[assignment_id],
            scores=scores,
            total=summary.summary.reviewer_totals.get(assignment_of[assignment_id].reviewer_id),
        )
        for assignment_id, scores in sorted(
            by_assignment.items(), key=lambda item: assignment_of[item[0]].reviewer.full_name
        )
    ]
    return SummaryPage(
        summary=summary,
        columns=columns,
        assignments=assignments_of(proposal),
        scored_counts={assignment_id: len(s) for assignment_id, s in by_assignment.items()},
    )
