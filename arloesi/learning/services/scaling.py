"""Scale-up: nominating a pilot, assessing it against the six transformation enablers, the
decision at its footprint (with reasons, and conditions when approved with them), withdrawing
it, and the roll-out across named clusters.

Every write asks the access predicates the pages ask (``learning.selectors.scaling``); status
moves only through ``core.services.status_change`` (``SCALE_UP_WORKFLOW``, ``ROLLOUT_WORKFLOW``).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.core.services import status_change
from arloesi.learning.models import (
    EnablerAssessment,
    RolloutSite,
    RolloutStageChange,
    ScaleUp,
    ScaleUpStatusChange,
)
from arloesi.learning.scaling import assessment_gaps, target_unit_id, worth_scaling
from arloesi.learning.selectors.scaling import (
    may_decide,
    may_follow,
    may_nominate,
    may_run_rollout,
    open_scale_up_of,
)
from arloesi.learning.vocabulary import Enabler, EnablerRating, Footprint, ScaleUpStatus
from arloesi.learning.workflow import (
    DECISIONS,
    OPEN_STATUSES,
    ROLLOUT_WORKFLOW,
    SCALE_UP_WORKFLOW,
)
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind

TARGET_KIND = {Footprint.HEALTH_BOARD: Kind.HEALTH_BOARD, Footprint.WALES: Kind.WALES}


def _text(value) -> str:
    return (value or "").strip()


@transaction.atomic
def scale_up_nominate(*, actor, project, footprint: str, case: str, title: str = "") -> ScaleUp:
    """Nominate ``project`` for scale-up to its health board or all of Wales, with the case for
    it; the six enablers wait to be assessed."""
    if not may_nominate(actor, project):
        raise PermissionDenied
    if not worth_scaling(project.status, project.outcome):
        raise ValidationError(
            _(
                "Only a project past its pilot stage, or closed as a candidate for scale-up, "
                "can be nominated"
            )
        )
    errors = {}
    if footprint not in Footprint.values:
        errors["footprint"] = _("Select the health board or all of Wales")
    if not _text(case):
        errors["case"] = _("Enter why this pilot should be scaled up")
    if errors:
        raise ValidationError(errors)
    if open_scale_up_of(project_id=project.pk, footprint=footprint) is not None:
        raise ValidationError(
            _(
                "This project has already been nominated for this footprint and is waiting "
                "for a decision"
            )
        )
    target = organisations.unit_of_kind(
        unit_id=target_unit_id(project.scope_path, footprint) or 0,
        kinds=(TARGET_KIND[footprint],),
    )
    if target is None:
        raise ValidationError({"footprint": _("Select the health board or all of Wales")})
    scale_up = audit.create(
        ScaleUp,
        actor=actor,
        project=project,
        title=_text(title) or project.title,
        footprint=footprint,
        target_unit=target,
        case=_text(case),
        nominated_by=actor,
    )
    EnablerAssessment.objects.bulk_create(
        EnablerAssessment(scale_up=scale_up, enabler=enabler) for enabler in Enabler
    )
    return scale_up


class AssessmentSaved:
    """The assessment as saved now, shaped like the assessment form (for ``show_stale``)."""

    def __init__(self, scale_up: ScaleUp):
        self.version = scale_up.version
        self._values = {}
        self._labels = {}
        for row in EnablerAssessment.objects.filter(scale_up=scale_up):
            self._values[f"{row.enabler}_rating"] = row.rating
            self._values[f"{row.enabler}_evidence"] = row.evidence
            self._labels[f"{row.enabler}_rating"] = str(EnablerRating(row.rating).label)

    def __getattr__(self, name: str):
        if name.startswith("get_") and name.endswith("_display"):
            key = name[4:-8]
            if key in self._labels:
                return lambda: self._labels[key]
            raise AttributeError(name)
        if name.startswith("_"):
            raise AttributeError(name)
        return self._values.get(name, "")


def _locked_open(actor, scale_up: ScaleUp, expected_version: int | None) -> ScaleUp:
    if not may_follow(actor, scale_up):
        raise PermissionDenied
    locked = ScaleUp.objects.select_for_update().get(pk=scale_up.pk)
    if expected_version is not None and locked.version != expected_version:
        raise audit.ConcurrentEditError(AssessmentSaved(locked))
    if locked.status not in OPEN_STATUSES:
        raise ValidationError(
            _("The decision on this scale-up has been made: its assessment is kept as it was")
        )
    return locked


@transaction.atomic
def scale_up_assess(
    *, actor, scale_up: ScaleUp, expected_version: int, enablers: dict, complete: bool = False
) -> ScaleUp:
    """Save the rating and evidence of each enabler (``enablers``: enabler → (rating,
    evidence)). With ``complete`` — or once sent — every enabler needs both, and a nominated
    scale-up goes for a decision."""
    locked = _locked_open(actor, scale_up, expected_version)
    unknown = set(enablers) - set(Enabler.values)
    if unknown:
        raise ValueError(f"not an enabler: {', '.join(sorted(unknown))}")
    values = {key: (rating or "", _text(evidence)) for key, (rating, evidence) in enablers.items()}
    for rating, _evidence in values.values():
        if rating not in EnablerRating.values:
            raise ValidationError(_("Select one of the options listed"))
    saved = {row.enabler: row for row in EnablerAssessment.objects.filter(scale_up=locked)}
    merged = {e: (row.rating, row.evidence) for e, row in saved.items()} | values
    if complete or locked.status == ScaleUpStatus.ASSESSED:
        gaps = assessment_gaps(merged)
        if gaps:
            raise ValidationError(gaps)
    for enabler, (rating, evidence) in values.items():
        row = saved.get(enabler)
        if row is None:
            audit.create(
                EnablerAssessment,
                actor=actor,
                scale_up=locked,
                enabler=enabler,
                rating=rating,
                evidence=evidence,
            )
        else:
            audit.update(row, actor=actor, rating=rating, evidence=evidence)
    ScaleUp.objects.filter(pk=locked.pk).update(version=F("version") + 1)
    locked.version += 1
    if complete and locked.status == ScaleUpStatus.NOMINATED:
        locked = status_change(
            locked,
            workflow=SCALE_UP_WORKFLOW,
            change_model=ScaleUpStatusChange,
            to_status=ScaleUpStatus.ASSESSED,
            actor=actor,
            subject_field="scale_up",
        )
    return locked


@transaction.atomic
def scale_up_decide(
    *, actor, scale_up: ScaleUp, decision: str, reasons: str, conditions: str = ""
) -> ScaleUp:
    """Approve (with or without conditions) or decline an assessed scale-up, with the reasons:
    by its health board's officers, or the national team for all of Wales."""
    if not may_decide(actor, scale_up):
        raise PermissionDenied
    errors = {}
    if decision not in DECISIONS:
        errors["decision"] = _("Select approve, approve with conditions or decline")
    if not _text(reasons):
        errors["reasons"] = _("Enter the reasons for the decision")
    if decision == ScaleUpStatus.APPROVED_WITH_CONDITIONS and not _text(conditions):
        errors["conditions"] = _("Enter the conditions of the approval")
    if errors:
        raise ValidationError(errors)
    scale_up = status_change(
        scale_up,
        workflow=SCALE_UP_WORKFLOW,
        change_model=ScaleUpStatusChange,
        to_status=decision,
        actor=actor,
        reason=_text(reasons),
        subject_field="scale_up",
    )
    return audit.update(
        scale_up,
        actor=actor,
        decision_reasons=_text(reasons),
        conditions=_text(conditions) if decision == ScaleUpStatus.APPROVED_WITH_CONDITIONS else "",
        decided_at=timezone.now(),
        decided_by=actor,
    )


@transaction.atomic
def scale_up_withdraw(*, actor, scale_up: ScaleUp, reason: str) -> ScaleUp:
    """Withdraw a scale-up not yet decided, with the reason."""
    if not may_follow(actor, scale_up):
        raise PermissionDenied
    if not _text(reason):
        raise ValidationError({"reason": _("Enter the reason for withdrawing the nomination")})
    return status_change(
        scale_up,
        workflow=SCALE_UP_WORKFLOW,
        change_model=ScaleUpStatusChange,
        to_status=ScaleUpStatus.WITHDRAWN,
        actor=actor,
        reason=_text(reason),
        subject_field="scale_up",
    )


@transaction.atomic
def rollout_site_add(
    *, actor, scale_up: ScaleUp, cluster_id: int, starts_on=None, notes: str = ""
) -> RolloutSite:
    """Name a cluster within the footprint of an approved scale-up for its roll-out."""
    if not may_run_rollout(actor, scale_up):
        raise PermissionDenied
    cluster = organisations.unit_of_kind(unit_id=cluster_id, kinds=(Kind.CLUSTER,))
    if cluster is None or not cluster.path.startswith(scale_up.target_unit.path):
        raise ValidationError({"cluster": _("Select a cluster within the scale-up’s footprint")})
    if RolloutSite.objects.filter(scale_up=scale_up, cluster=cluster).exists():
        raise ValidationError({"cluster": _("This cluster is already in the roll-out")})
    return audit.create(
        RolloutSite,
        actor=actor,
        scale_up=scale_up,
        cluster=cluster,
        starts_on=starts_on,
        notes=_text(notes),
    )


@transaction.atomic
def rollout_site_update(
    *, actor, site: RolloutSite, expected_version: int, stage: str, starts_on=None, notes=""
) -> RolloutSite:
    """Move a cluster on in the roll-out (``ROLLOUT_WORKFLOW``), and change its start date and
    notes."""
    if not may_run_rollout(actor, site.scale_up):
        raise PermissionDenied
    locked = RolloutSite.objects.select_for_update().get(pk=site.pk)
    if locked.version != expected_version:
        raise audit.ConcurrentEditError(locked)
    if stage != locked.stage:
        locked = status_change(
            locked,
            workflow=ROLLOUT_WORKFLOW,
            change_model=RolloutStageChange,
            to_status=stage,
            actor=actor,
            status_field="stage",
            subject_field="site",
        )
    return audit.update(
        locked,
        actor=actor,
        expected_version=expected_version,
        starts_on=starts_on,
        notes=_text(notes),
    )
