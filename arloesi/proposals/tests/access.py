"""Organisation B's proposals for the access walk (tests/test_access_walk.py).

No proposal URLs exist yet; when views arrive, each URL that takes a proposal id gets a probe
here pointing at ``world.b_proposal``.
"""

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.proposals import services
from arloesi.proposals.tests.factories import accepted_co_author

PROBES: dict = {}
PUBLIC: set = set()


def populate(world) -> None:
    b = world.b
    world.b_author = person_with_role(Role.PRACTITIONER, b.collaborative, full_name="Author B")
    world.b_proposal = services.proposal_create(
        actor=world.b_author,
        collaborative=b.collaborative,
        title=f"Falls clinic {world.marker}",
        problem=f"Problem {world.marker}",
    )
    populate_review(world)
    populate_authoring(world)


def populate_review(world) -> None:
    """B's planning group runs an intake: a chair, a reviewer, priorities, a proposal under review
    with the reviewer's private note, and a deferred one with the chair's reasons."""
    from datetime import timedelta

    from django.utils import timezone

    from arloesi.proposals.models import LocalPriority
    from arloesi.proposals.tests.factories import COMPLETE, EVALUATION
    from arloesi.proposals.workflow import Outcome

    b, marker = world.b, world.marker
    world.b_chair = person_with_role(Role.PLANNING_GROUP_CHAIR, b.planning_group)
    world.b_reviewer = person_with_role(Role.PLANNING_GROUP_MEMBER, b.planning_group)
    today = timezone.localdate()
    world.b_priority = services.priority_create(
        actor=world.b_chair,
        unit=b.planning_group,
        title_en=f"Fewer falls {marker}",
        title_cy=f"Llai o gwympiadau {marker}",
        source_plan=LocalPriority.SourcePlan.PAN_CLUSTER_PLAN,
        period_start=today - timedelta(days=30),
        period_end=today + timedelta(days=365),
    )
    world.b_intake = services.intake_open(actor=world.b_chair, planning_group=b.planning_group)
    world.b_criterion = services.criterion_update(
        actor=world.b_chair,
        criterion=world.b_intake.criteria.first(),
        name_en=f"Fit {marker}",
        name_cy=f"Cyd-fynd {marker}",
    )

    def submitted(title):
        proposal = services.proposal_create(
            actor=world.b_author, collaborative=b.collaborative, title=title, **COMPLETE
        )
        services.proposal_priorities_set(
            actor=world.b_author, proposal=proposal, priorities=[world.b_priority]
        )
        services.evaluation_plan_update(
            actor=world.b_author, proposal=proposal, expected_version=1, **EVALUATION
        )
        return services.proposal_submit(actor=world.b_author, proposal=proposal)

    world.b_under_review = submitted(f"Eye checks {marker}")
    world.b_assignment = services.reviewer_assign(
        actor=world.b_chair, proposal=world.b_under_review, reviewer=world.b_reviewer
    )
    services.conflict_declare(
        actor=world.b_reviewer, assignment=world.b_assignment, has_conflict=False
    )
    services.review_note_add(
        actor=world.b_reviewer, assignment=world.b_assignment, text=f"Note {marker}"
    )
    world.b_deferred = submitted(f"Hearing checks {marker}")
    services.decision_record(
        actor=world.b_chair,
        proposal=world.b_deferred,
        outcome=Outcome.DEFERRED,
        rationale=f"Wait for the budget {marker}",
    )


PROBES.update(
    {
        "proposals:queue": lambda w: {"unit_id": w.b.planning_group.pk},
        "proposals:queue_export": lambda w: {
            "unit_id": w.b.planning_group.pk,
            "file_format": "csv",
        },
        "proposals:decisions_export": lambda w: {
            "unit_id": w.b.planning_group.pk,
            "file_format": "xlsx",
        },
        "proposals:intake": lambda w: {"unit_id": w.b.planning_group.pk},
        "proposals:criterion_add": lambda w: {"intake_id": w.b_intake.pk},
        "proposals:criterion_edit": lambda w: {"criterion_id": w.b_criterion.pk},
        "proposals:criterion_remove": lambda w: {"criterion_id": w.b_criterion.pk},
        "proposals:reviewers": lambda w: {"proposal_id": w.b_under_review.pk},
        "proposals:review_summary": lambda w: {"proposal_id": w.b_under_review.pk},
        "proposals:decision": lambda w: {"proposal_id": w.b_deferred.pk},
        "proposals:review": lambda w: {"assignment_id": w.b_assignment.pk},
        "proposals:priorities": lambda w: {"unit_id": w.b.planning_group.pk},
        "proposals:priority_add": lambda w: {"unit_id": w.b.cluster.pk},
        "proposals:priority_edit": lambda w: {"priority_id": w.b_priority.pk},
    }
)


def populate_authoring(world) -> None:
    """B's draft gets a co-author, a second sponsor waiting to confirm, staff time and an
    attachment row (its file is never reached: the walk's visitors get 404 first)."""
    from arloesi.core import audit
    from arloesi.organisations.tests.factories import CollaborativeFactory
    from arloesi.proposals.models import ProposalAttachment

    b, marker = world.b, world.marker
    world.b_co_author = person_with_role(
        Role.PRACTITIONER, b.collaborative, full_name=f"Co-author {marker}"
    )
    world.b_author_link = accepted_co_author(
        world.b_proposal, world.b_co_author, invited_by=world.b_author
    )
    world.b_co_author_invitation = services.co_author_invite(
        actor=world.b_author, proposal=world.b_proposal, email="invited-b@example.org"
    )
    world.b_sponsor = services.sponsor_add(
        actor=world.b_author,
        proposal=world.b_proposal,
        collaborative=CollaborativeFactory(parent=b.cluster),
    )
    world.b_need = services.need_add(
        actor=world.b_author,
        proposal=world.b_proposal,
        profession="optometry",
        hours=7,
        skill=f"Skill {marker}",
    )
    world.b_attachment = audit.create(
        ProposalAttachment,
        actor=world.b_author,
        proposal=world.b_proposal,
        file="proposals/attachments/never-written",
        original_name=f"Audit {marker}.pdf",
        content_type="application/pdf",
        size=10,
        uploaded_by=world.b_author,
    )


def _b_draft(w) -> dict:
    return {"proposal_id": w.b_proposal.pk}


PROBES.update(
    {
        "proposals:detail": _b_draft,
        "proposals:edit": _b_draft,
        "proposals:section": lambda w: {"proposal_id": w.b_proposal.pk, "section": "problem"},
        "proposals:proposal_priorities": _b_draft,
        "proposals:sponsors": _b_draft,
        "proposals:sponsor_remove": lambda w: {
            "proposal_id": w.b_proposal.pk,
            "sponsor_id": w.b_sponsor.pk,
        },
        "proposals:sponsor_confirm": lambda w: {
            "proposal_id": w.b_proposal.pk,
            "sponsor_id": w.b_sponsor.pk,
        },
        "proposals:authors": _b_draft,
        "proposals:author_remove": lambda w: {
            "proposal_id": w.b_proposal.pk,
            "author_id": w.b_author_link.pk,
        },
        "proposals:staff": _b_draft,
        "proposals:co_author_invitation_withdraw": lambda w: {
            "proposal_id": w.b_proposal.pk,
            "invitation_id": w.b_co_author_invitation.pk,
        },
        "proposals:co_author_invitation_answer": lambda w: {
            "invitation_id": w.b_co_author_invitation.pk
        },
        "proposals:need_remove": lambda w: {"proposal_id": w.b_proposal.pk, "need_id": w.b_need.pk},
        "proposals:attachments": _b_draft,
        "proposals:attachment_download": lambda w: {
            "proposal_id": w.b_proposal.pk,
            "attachment_id": w.b_attachment.pk,
        },
        "proposals:attachment_remove": lambda w: {
            "proposal_id": w.b_proposal.pk,
            "attachment_id": w.b_attachment.pk,
        },
        "proposals:submit": _b_draft,
        "proposals:withdraw": _b_draft,
        "proposals:resubmit": _b_draft,
        "proposals:similar": _b_draft,
        "proposals:history": _b_draft,
        "proposals:pitch_pack": _b_draft,
    }
)
