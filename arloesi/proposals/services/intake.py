"""What proposals are judged against: a planning group's or cluster's local priorities, and the
planning group's intakes with the criteria (and weights) its reviewers score by."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.proposals.criteria import DEFAULT_CRITERIA
from arloesi.proposals.models import Criterion, Intake, LocalPriority, Score
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.intake import intake_current
from arloesi.proposals.services.rules import check_fields, require

PRIORITY_FIELDS = frozenset(
    {"title_en", "title_cy", "description", "source_plan", "period_start", "period_end"}
)
CRITERION_FIELDS = frozenset({"name_en", "name_cy", "weight", "position"})


@transaction.atomic
def priority_create(
    *,
    actor,
    unit,
    title_en: str,
    title_cy: str,
    source_plan: str,
    period_start: date,
    period_end: date,
    description: str = "",
) -> LocalPriority:
    require(actor, Perm.MANAGE_PRIORITIES, unit.path)
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
def priority_update(*, actor, priority: LocalPriority, **fields) -> LocalPriority:
    require(actor, Perm.MANAGE_PRIORITIES, priority.unit.path)
    check_fields(fields, PRIORITY_FIELDS)
    return audit.update(priority, actor=actor, **fields)


@transaction.atomic
def intake_open(*, actor, planning_group, closes_at: datetime | None = None) -> Intake:
    """Open a window for proposals. Its criteria start as the previous intake's (or the
    defaults for a planning group's first intake)."""
    require(actor, Perm.MANAGE_INTAKE, planning_group.path)
    if intake_current(planning_group=planning_group):
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
def intake_close(*, actor, intake: Intake) -> Intake:
    require(actor, Perm.MANAGE_INTAKE, intake.planning_group_path)
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
    *, actor, intake: Intake, name_en: str, name_cy: str, weight: Decimal
) -> Criterion:
    require(actor, Perm.MANAGE_INTAKE, intake.planning_group_path)
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
def criterion_update(*, actor, criterion: Criterion, **fields) -> Criterion:
    check_fields(fields, CRITERION_FIELDS)
    require(actor, Perm.MANAGE_INTAKE, criterion.intake.planning_group_path)
    _require_criteria_unscored(criterion.intake)
    return audit.update(criterion, actor=actor, **fields)


@transaction.atomic
def criterion_delete(*, actor, criterion: Criterion) -> None:
    require(actor, Perm.MANAGE_INTAKE, criterion.intake.planning_group_path)
    _require_criteria_unscored(criterion.intake)
    audit.delete(criterion, actor=actor)
