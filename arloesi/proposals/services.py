"""Writes to priorities, proposals and their review. Every write is audited (core.audit); every
status change goes through the proposal workflow table and is kept as a ProposalTransition.

Who may act: authors edit, submit and withdraw their proposal; a sponsoring collaborative's lead
confirms sponsorship; the planning group's chair runs the intake, assigns reviewers and decides;
an assigned reviewer declares interests and scores. A chair who is also an author of a proposal
may not decide on it.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, permissions
from arloesi.core.services import status_change
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind
from arloesi.projects import services as project_services
from arloesi.proposals import notifications, selectors
from arloesi.proposals.criteria import DEFAULT_CRITERIA
from arloesi.proposals.models import (
    ConflictDeclaration,
    Criterion,
    Decision,
    EvaluationPlan,
    Intake,
    LocalPriority,
    Proposal,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
    ProposalTransition,
    ReviewerAssignment,
    ReviewNote,
    Score,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.workflow import (
    EDITABLE,
    PROPOSAL_WORKFLOW,
    STARTS_PROJECT,
    Outcome,
    ScreeningResult,
    Status,
    screen,
)

# What the authors write; everything else on a proposal is set by the workflow.
PROPOSAL_FIELDS = frozenset(
    {
        "title",
        "problem",
        "evidence",
        "population",
        "affects_vulnerable_groups",
        "vulnerable_groups_notes",
        "innovation_type",
        "novelty",
        "pitch_hook",
        "pitch_problem",
        "pitch_solution",
        "pitch_ask",
        "value_for_whom",
        "value_need",
        "value_offer",
        "value_benefit",
        "value_unlike",
        "funding_amount",
        "funding_source",
        "funding_source_other",
        "duration_months",
    }
)
EVALUATION_FIELDS = frozenset(
    {"objectives", "baseline", "success_measures", "approach", "timescale", "evaluator"}
)
PRIORITY_FIELDS = frozenset(
    {"title_en", "title_cy", "description", "source_plan", "period_start", "period_end"}
)


class ScreeningFailedError(ValidationError):
    """Submission refused: the proposal is incomplete. ``result.problems`` says what to change."""

    def __init__(self, result: ScreeningResult):
        messages: dict[str, list[str]] = {}
        for problem in result.problems:
            messages.setdefault(problem.field, []).append(problem.message)
        super().__init__(messages)
        self.result = result


# --- Checks -----------------------------------------------------------------------------------


def _require(actor, permission: str, path: str) -> None:
    if not permissions.can(actor, permission, path):
        raise PermissionDenied


def _is_author(person, proposal: Proposal) -> bool:
    return bool(getattr(person, "pk", None)) and (
        ProposalAuthor.objects.filter(proposal=proposal, person=person).exists()
    )


def _require_author(actor, proposal: Proposal) -> None:
    if not getattr(actor, "is_active", False) or not _is_author(actor, proposal):
        raise PermissionDenied


def _require_editable(proposal: Proposal) -> None:
    if proposal.status not in EDITABLE:
        raise ValidationError(
            _(
                "This proposal cannot be changed while its status is “%(status)s”: only a draft, "
                "or a proposal the planning group has asked for more information about, can be "
                "changed."
            )
            % {"status": Status(proposal.status).label}
        )


def _require_chair(actor, proposal: Proposal) -> None:
    _require(actor, Perm.DECIDE, proposal.planning_group_path)
    if _is_author(actor, proposal):
        raise PermissionDenied(_("You are an author of this proposal, so you cannot decide on it."))


def _check_fields(fields: dict, allowed: frozenset) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Not editable here: {', '.join(sorted(unknown))}")


def _locked(proposal: Proposal) -> Proposal:
    """The proposal as it is in the database now, locked until the transaction ends."""
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("planning_group", "lead_collaborative")
        .get(pk=proposal.pk)
    )


def _planning_group_of(unit: OrganisationUnit) -> OrganisationUnit:
    current = unit
    while current is not None and current.kind != Kind.PLANNING_GROUP:
        current = current.parent
    if current is None:
        raise ValidationError(_("This collaborative is not in a pan-cluster planning group."))
    return current


def _move(proposal: Proposal, *, to_status: str, actor, reason: str = "") -> None:
    """One workflow step. It also moves the version on, so an edit begun before it is refused."""
    status_change(
        proposal,
        workflow=PROPOSAL_WORKFLOW,
        change_model=ProposalTransition,
        subject_field="proposal",
        to_status=to_status,
        actor=actor,
        reason=reason,
    )
    Proposal._base_manager.filter(pk=proposal.pk).update(version=F("version") + 1)
    proposal.version = Proposal._base_manager.values_list("version", flat=True).get(pk=proposal.pk)


# --- Local priorities -------------------------------------------------------------------------


@transaction.atomic
def priority_create(
    *,
    actor: Person,
    unit: OrganisationUnit,
    title_en: str,
    title_cy: str,
    source_plan: str,
    period_start: date,
    period_end: date,
    description: str = "",
) -> LocalPriority:
    _require(actor, Perm.MANAGE_PRIORITIES, unit.path)
    return audit.create(
        LocalPriority,
        actor=actor,
        unit=unit,
        title_en=title_en,
        title_cy=title_cy,
        source_plan=source_plan,
        period_start=period_start,
        period_end=period_end,
        description=description,
    )


@transaction.atomic
def priority_update(*, actor: Person, priority: LocalPriority, **fields) -> LocalPriority:
    _require(actor, Perm.MANAGE_PRIORITIES, priority.unit.path)
    _check_fields(fields, PRIORITY_FIELDS)
    return audit.update(priority, actor=actor, **fields)


# --- Proposals: the authors' side -------------------------------------------------------------


@transaction.atomic
def proposal_create(
    *, actor: Person, collaborative: OrganisationUnit, title: str, **fields
) -> Proposal:
    """A draft led by ``actor`` for their collaborative, which is its first sponsor."""
    _require(actor, Perm.CREATE, collaborative.path)
    _check_fields(fields, PROPOSAL_FIELDS)
    if collaborative.kind != Kind.COLLABORATIVE:
        raise ValidationError(_("Proposals are written for a professional collaborative."))
    planning_group = _planning_group_of(collaborative)
    proposal = audit.create(
        Proposal,
        actor=actor,
        title=title,
        lead_collaborative=collaborative,
        planning_group=planning_group,
        created_by=actor,
        **fields,
    )
    audit.create(ProposalAuthor, actor=actor, proposal=proposal, person=actor, is_lead=True)
    audit.create(
        ProposalSponsor,
        actor=actor,
        proposal=proposal,
        collaborative=collaborative,
    )
    audit.create(EvaluationPlan, actor=actor, proposal=proposal)
    return proposal


@transaction.atomic
def proposal_update(
    *, actor: Person, proposal: Proposal, expected_version: int, **fields
) -> Proposal:
    """Change what the authors wrote; refused (ConcurrentEditError) if someone saved meanwhile."""
    _check_fields(fields, PROPOSAL_FIELDS)
    current = _locked(proposal)
    _require_author(actor, current)
    _require_editable(current)
    return audit.update(current, actor=actor, expected_version=expected_version, **fields)


@transaction.atomic
def evaluation_plan_update(
    *, actor: Person, proposal: Proposal, expected_version: int, **fields
) -> EvaluationPlan:
    _check_fields(fields, EVALUATION_FIELDS)
    current = _locked(proposal)
    _require_author(actor, current)
    _require_editable(current)
    plan = EvaluationPlan.objects.get(proposal=current)
    return audit.update(plan, actor=actor, expected_version=expected_version, **fields)


@transaction.atomic
def proposal_author_add(*, actor: Person, proposal: Proposal, person: Person) -> ProposalAuthor:
    current = _locked(proposal)
    _require_author(actor, current)
    _require_editable(current)
    existing = ProposalAuthor.objects.filter(proposal=current, person=person).first()
    if existing:
        return existing
    if not person.is_active:
        raise ValidationError(_("This person can no longer sign in, so cannot be an author."))
    return audit.create(ProposalAuthor, actor=actor, proposal=current, person=person)


@transaction.atomic
def proposal_author_remove(*, actor: Person, author: ProposalAuthor) -> None:
    current = _locked(author.proposal)
    _require_author(actor, current)
    _require_editable(current)
    if author.is_lead:
        raise ValidationError(_("The lead author cannot be removed."))
    audit.delete(author, actor=actor)


@transaction.atomic
def sponsor_add(
    *, actor: Person, proposal: Proposal, collaborative: OrganisationUnit
) -> ProposalSponsor:
    """Another collaborative (in this cluster or another) sponsors it: it is now cross-boundary,
    and each sponsor's lead must confirm before it can be submitted."""
    current = _locked(proposal)
    _require_author(actor, current)
    _require_editable(current)
    existing = ProposalSponsor.objects.filter(proposal=current, collaborative=collaborative)
    if existing.exists():
        return existing.get()
    sponsor = audit.create(
        ProposalSponsor,
        actor=actor,
        proposal=current,
        collaborative=collaborative,
    )
    notifications.sponsor_added(sponsor=sponsor, actor=actor)
    return sponsor


@transaction.atomic
def sponsor_remove(*, actor: Person, sponsor: ProposalSponsor) -> None:
    current = _locked(sponsor.proposal)
    _require_author(actor, current)
    _require_editable(current)
    if sponsor.collaborative_id == current.lead_collaborative_id:
        raise ValidationError(_("The lead collaborative always sponsors its own proposal."))
    audit.delete(sponsor, actor=actor)


@transaction.atomic
def sponsor_confirm(*, actor: Person, sponsor: ProposalSponsor) -> ProposalSponsor:
    """The collaborative's lead confirms that their collaborative sponsors the proposal."""
    _require(actor, Perm.SPONSOR, sponsor.collaborative.path)
    _require_editable(_locked(sponsor.proposal))
    if sponsor.confirmed_at:
        return sponsor
    return audit.update(sponsor, actor=actor, confirmed_by=actor, confirmed_at=timezone.now())


@transaction.atomic
def need_add(
    *, actor: Person, proposal: Proposal, profession: str, hours: int, skill: str = ""
) -> ProposalNeed:
    current = _locked(proposal)
    _require_author(actor, current)
    _require_editable(current)
    return audit.create(
        ProposalNeed, actor=actor, proposal=current, profession=profession, hours=hours, skill=skill
    )


@transaction.atomic
def need_remove(*, actor: Person, need: ProposalNeed) -> None:
    current = _locked(need.proposal)
    _require_author(actor, current)
    _require_editable(current)
    audit.delete(need, actor=actor)


@transaction.atomic
def proposal_priorities_set(
    *, actor: Person, proposal: Proposal, priorities: list[LocalPriority]
) -> None:
    """The local priorities the proposal serves: current ones of its planning group or of a
    cluster in it."""
    current = _locked(proposal)
    _require_author(actor, current)
    _require_editable(current)
    today = timezone.localdate()
    for priority in priorities:
        if not priority.unit.path.startswith(current.planning_group_path):
            raise ValidationError(
                {"priorities": _("Choose priorities of this proposal’s planning group.")}
            )
        if not priority.is_current(today):
            raise ValidationError(
                {
                    "priorities": _("%(priority)s is not a current priority.")
                    % {"priority": priority}
                }
            )
    wanted = {priority.pk for priority in priorities}
    links = list(ProposalPriority.objects.filter(proposal=current))
    for link in links:
        if link.priority_id not in wanted:
            audit.delete(link, actor=actor)
    have = {link.priority_id for link in links}
    for priority in priorities:
        if priority.pk not in have:
            audit.create(ProposalPriority, actor=actor, proposal=current, priority=priority)
            have.add(priority.pk)


def _screen(proposal: Proposal, *, intake_open: bool) -> None:
    result = screen(selectors.proposal_snapshot(proposal=proposal, intake_open=intake_open))
    if not result.passed:
        raise ScreeningFailedError(result)


def _send_for_review(proposal: Proposal, *, actor: Person, reason: str = "") -> None:
    _move(proposal, to_status=Status.SUBMITTED, actor=actor, reason=reason)
    # Screening is automatic: the system (no actor) takes the next two steps.
    _move(proposal, to_status=Status.SCREENING, actor=None)
    _move(proposal, to_status=Status.UNDER_REVIEW, actor=None)


@transaction.atomic
def proposal_submit(*, actor: Person, proposal: Proposal) -> Proposal:
    """Submit a draft to its planning group's open intake. Screening runs first: if anything is
    missing the proposal stays a draft and ``ScreeningFailedError`` lists what to change."""
    current = _locked(proposal)
    _require_author(actor, current)
    if current.status != Status.DRAFT:
        raise TransitionNotAllowedError(current.status, Status.SUBMITTED)
    intake = selectors.intake_current(planning_group=current.planning_group)
    _screen(current, intake_open=intake is not None)
    current = audit.update(current, actor=actor, submitted_at=timezone.now(), intake=intake)
    _send_for_review(current, actor=actor)
    notifications.proposal_submitted(proposal=current)
    return current


@transaction.atomic
def proposal_resubmit(*, actor: Person, proposal: Proposal, response: str = "") -> Proposal:
    """Send the proposal back after more information was asked for; it is screened again. It
    stays in the intake it was first submitted to, so a closed window does not stop it."""
    current = _locked(proposal)
    _require_author(actor, current)
    if current.status != Status.MORE_INFORMATION_REQUESTED:
        raise TransitionNotAllowedError(current.status, Status.SUBMITTED)
    _screen(current, intake_open=True)
    _send_for_review(current, actor=actor, reason=response)
    notifications.proposal_submitted(proposal=current, resubmitted=True, response=response)
    return current


@transaction.atomic
def proposal_withdraw(*, actor: Person, proposal: Proposal, reason: str = "") -> Proposal:
    """The authors take the proposal back, at any point before a final decision."""
    current = _locked(proposal)
    _require_author(actor, current)
    _move(current, to_status=Status.WITHDRAWN, actor=actor, reason=reason)
    return current


# --- Intake and criteria ----------------------------------------------------------------------


@transaction.atomic
def intake_open(*, actor: Person, planning_group: OrganisationUnit, closes_at=None) -> Intake:
    """Open a window for proposals. Its criteria start as the previous intake's (or the
    defaults for a planning group's first intake)."""
    _require(actor, Perm.MANAGE_INTAKE, planning_group.path)
    if selectors.intake_current(planning_group=planning_group):
        raise ValidationError(_("An intake is already open for this planning group."))
    previous = Intake.objects.filter(planning_group=planning_group).order_by("-opens_at").first()
    intake = audit.create(
        Intake,
        actor=actor,
        planning_group=planning_group,
        opens_at=timezone.now(),
        closes_at=closes_at,
    )
    if previous is not None:
        criteria = [(c.name_en, c.name_cy, c.weight) for c in previous.criteria.all()]
    else:
        criteria = DEFAULT_CRITERIA
    for position, (name_en, name_cy, weight) in enumerate(criteria, start=1):
        audit.create(
            Criterion,
            actor=actor,
            intake=intake,
            name_en=name_en,
            name_cy=name_cy,
            weight=weight,
            position=position,
        )
    return intake


@transaction.atomic
def intake_close(*, actor: Person, intake: Intake) -> Intake:
    _require(actor, Perm.MANAGE_INTAKE, intake.planning_group_path)
    now = timezone.now()
    if intake.closes_at and intake.closes_at <= now:
        return intake
    return audit.update(intake, actor=actor, closes_at=now)


def _require_criteria_unscored(intake: Intake) -> None:
    if Score.objects.filter(criterion__intake=intake).exists():
        raise ValidationError(
            _(
                "Reviewers have started scoring this intake’s proposals, so its criteria "
                "can no longer change."
            )
        )


@transaction.atomic
def criterion_create(
    *, actor: Person, intake: Intake, name_en: str, name_cy: str, weight: Decimal
) -> Criterion:
    _require(actor, Perm.MANAGE_INTAKE, intake.planning_group_path)
    _require_criteria_unscored(intake)
    position = intake.criteria.count() + 1
    return audit.create(
        Criterion,
        actor=actor,
        intake=intake,
        name_en=name_en,
        name_cy=name_cy,
        weight=weight,
        position=position,
    )


@transaction.atomic
def criterion_update(*, actor: Person, criterion: Criterion, **fields) -> Criterion:
    _check_fields(fields, frozenset({"name_en", "name_cy", "weight", "position"}))
    _require(actor, Perm.MANAGE_INTAKE, criterion.intake.planning_group_path)
    _require_criteria_unscored(criterion.intake)
    return audit.update(criterion, actor=actor, **fields)


@transaction.atomic
def criterion_delete(*, actor: Person, criterion: Criterion) -> None:
    _require(actor, Perm.MANAGE_INTAKE, criterion.intake.planning_group_path)
    _require_criteria_unscored(criterion.intake)
    audit.delete(criterion, actor=actor)


# --- Review -----------------------------------------------------------------------------------


@transaction.atomic
def reviewer_assign(*, actor: Person, proposal: Proposal, reviewer: Person) -> ReviewerAssignment:
    current = _locked(proposal)
    _require_chair(actor, current)
    if current.status not in (Status.UNDER_REVIEW, Status.DEFERRED):
        raise ValidationError(_("Reviewers can be assigned only while a proposal is under review."))
    if not permissions.can(reviewer, Perm.REVIEW, current.planning_group_path):
        raise ValidationError({"reviewer": _("Choose a member of this proposal’s planning group.")})
    if _is_author(reviewer, current):
        raise ValidationError({"reviewer": _("An author cannot review their own proposal.")})
    existing = ReviewerAssignment.objects.filter(proposal=current, reviewer=reviewer).first()
    if existing:
        return existing
    assignment = audit.create(
        ReviewerAssignment, actor=actor, proposal=current, reviewer=reviewer, assigned_by=actor
    )
    notifications.reviewer_assigned(assignment=assignment)
    return assignment


def _require_reviewer(actor, assignment: ReviewerAssignment) -> None:
    if assignment.reviewer_id != getattr(actor, "pk", None) or not permissions.can(
        actor, Perm.REVIEW, assignment.proposal.planning_group_path
    ):
        raise PermissionDenied


@transaction.atomic
def conflict_declare(
    *, actor: Person, assignment: ReviewerAssignment, has_conflict: bool, details: str = ""
) -> ConflictDeclaration:
    """Declare interests before scoring. A declared conflict takes the reviewer out of scoring
    this proposal for good; their scores so far are kept but no longer count."""
    _require_reviewer(actor, assignment)
    existing = ConflictDeclaration.objects.filter(assignment=assignment).first()
    if existing is None:
        return audit.create(
            ConflictDeclaration,
            actor=actor,
            assignment=assignment,
            has_conflict=has_conflict,
            details=details,
        )
    if existing.has_conflict and not has_conflict:
        raise ValidationError(_("A declared conflict of interest cannot be taken back."))
    return audit.update(existing, actor=actor, has_conflict=has_conflict, details=details)


@transaction.atomic
def score_record(
    *,
    actor: Person,
    assignment: ReviewerAssignment,
    criterion: Criterion,
    value: int,
    comment: str,
) -> Score:
    """Score one criterion from 1 to 5 with a comment; scoring it again replaces the score."""
    _require_reviewer(actor, assignment)
    proposal = _locked(assignment.proposal)
    if proposal.status != Status.UNDER_REVIEW:
        raise ValidationError(_("Scores can be recorded only while a proposal is under review."))
    declaration = ConflictDeclaration.objects.filter(assignment=assignment).first()
    if declaration is None:
        raise ValidationError(_("Declare any conflicts of interest before you score."))
    if declaration.has_conflict:
        raise PermissionDenied(
            _("You declared a conflict of interest, so you cannot score this proposal.")
        )
    if criterion.intake_id != proposal.intake_id:
        raise ValidationError(
            {"criterion": _("This criterion is not one of the criteria of this proposal’s intake.")}
        )
    existing = Score.objects.filter(assignment=assignment, criterion=criterion).first()
    if existing:
        return audit.update(
            existing, actor=actor, value=value, comment=comment, recorded_at=timezone.now()
        )
    return audit.create(
        Score, actor=actor, assignment=assignment, criterion=criterion, value=value, comment=comment
    )


@transaction.atomic
def review_note_add(*, actor: Person, assignment: ReviewerAssignment, text: str) -> ReviewNote:
    """A note only the reviewer will see."""
    _require_reviewer(actor, assignment)
    return audit.create(ReviewNote, actor=actor, assignment=assignment, text=text)


# --- Decision ---------------------------------------------------------------------------------


@transaction.atomic
def decision_record(
    *,
    actor: Person,
    proposal: Proposal,
    outcome: str,
    rationale: str,
    conditions: str = "",
    feedback: str = "",
    meeting_reference: str = "",
    meeting_date: date | None = None,
) -> Decision:
    """The chair's decision on a proposal under review. The authors see it with its reasons,
    conditions and feedback; an approval starts the project (as a pilot)."""
    current = _locked(proposal)
    _require_chair(actor, current)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Select a decision.")})
    PROPOSAL_WORKFLOW.transition(current.status, outcome)
    decision = audit.create(
        Decision,
        actor=actor,
        proposal=current,
        outcome=outcome,
        rationale=rationale,
        conditions=conditions,
        feedback=feedback,
        meeting_reference=meeting_reference,
        meeting_date=meeting_date,
        decided_by=actor,
    )
    _move(current, to_status=outcome, actor=actor, reason=rationale)
    if outcome in STARTS_PROJECT:
        plan = EvaluationPlan.objects.filter(proposal=current).first()
        project_services.project_start(
            actor=actor,
            proposal_id=current.pk,
            title=current.title,
            lead_collaborative=current.lead_collaborative,
            planning_group=current.planning_group,
            conditions=conditions,
            evaluation_plan={name: getattr(plan, name) for name in EVALUATION_FIELDS}
            if plan
            else {},
        )
    notifications.decision_recorded(decision=decision)
    return decision


def proposal_request_information(
    *, actor: Person, proposal: Proposal, request: str, **meeting
) -> Decision:
    """Send the proposal back to its authors, saying what the planning group needs to know."""
    return decision_record(
        actor=actor,
        proposal=proposal,
        outcome=Outcome.MORE_INFORMATION_REQUESTED,
        rationale=request,
        feedback=request,
        **meeting,
    )


@transaction.atomic
def proposal_reopen(*, actor: Person, proposal: Proposal, reason: str = "") -> Proposal:
    """Bring a deferred proposal back under review."""
    current = _locked(proposal)
    _require_chair(actor, current)
    _move(current, to_status=Status.UNDER_REVIEW, actor=actor, reason=reason)
    return current
