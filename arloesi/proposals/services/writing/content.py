"""What the authors write: starting a draft, its sections, its evaluation plan, the local
priorities it serves and the staff time it needs. Only authors write, and only while the
proposal is theirs to change (a draft, or after the planning group asked for more information).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.proposals.models import (
    EvaluationPlan,
    Proposal,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.sections import EVALUATION_FIELDS as PLAN_FIELDS
from arloesi.proposals.services.rules import check_fields, locked_for_authors, require

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
EVALUATION_FIELDS = frozenset(PLAN_FIELDS)


@transaction.atomic
def proposal_create(*, actor, collaborative, title: str, **fields) -> Proposal:
    """A draft led by ``actor`` for their collaborative, which is its first sponsor."""
    require(actor, Perm.CREATE, collaborative.path)
    check_fields(fields, PROPOSAL_FIELDS)
    if collaborative.kind != Kind.COLLABORATIVE:
        raise ValidationError(_("Proposals are written for a professional collaborative."))
    planning_group = organisations.planning_group_of(unit=collaborative)
    if planning_group is None:
        raise ValidationError(_("This collaborative is not in a pan-cluster planning group."))
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
    audit.create(ProposalSponsor, actor=actor, proposal=proposal, collaborative=collaborative)
    audit.create(EvaluationPlan, actor=actor, proposal=proposal)
    return proposal


@transaction.atomic
def proposal_update(*, actor, proposal: Proposal, expected_version: int, **fields) -> Proposal:
    """Change what the authors wrote; refused (ConcurrentEditError) if someone saved meanwhile."""
    check_fields(fields, PROPOSAL_FIELDS)
    current = locked_for_authors(actor, proposal)
    return audit.update(current, actor=actor, expected_version=expected_version, **fields)


@transaction.atomic
def evaluation_plan_update(
    *, actor, proposal: Proposal, expected_version: int, **fields
) -> EvaluationPlan:
    check_fields(fields, EVALUATION_FIELDS)
    current = locked_for_authors(actor, proposal)
    plan = EvaluationPlan.objects.get(proposal=current)
    return audit.update(plan, actor=actor, expected_version=expected_version, **fields)


def proposal_section_save(
    *, actor, proposal: Proposal, section: str, expected_version: int, values: dict
):
    """Save one section of the task list: the evaluation plan, or a part of the proposal."""
    if section == "evaluation":
        return evaluation_plan_update(
            actor=actor, proposal=proposal, expected_version=expected_version, **values
        )
    return proposal_update(
        actor=actor, proposal=proposal, expected_version=expected_version, **values
    )


@transaction.atomic
def need_add(
    *, actor, proposal: Proposal, profession: str, hours: int, skill: str = ""
) -> ProposalNeed:
    current = locked_for_authors(actor, proposal)
    return audit.create(
        ProposalNeed, actor=actor, proposal=current, profession=profession, hours=hours, skill=skill
    )


@transaction.atomic
def need_remove(*, actor, need: ProposalNeed) -> None:
    locked_for_authors(actor, need.proposal)
    audit.delete(need, actor=actor)


@transaction.atomic
def proposal_priorities_set(*, actor, proposal: Proposal, priorities: list) -> None:
    """The local priorities the proposal serves: current ones of its planning group or of a
    cluster in it."""
    current = locked_for_authors(actor, proposal)
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
