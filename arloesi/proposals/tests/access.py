"""Organisation B's proposals for the access walk and the form fuzz (tests/walks/): a draft,
proposals under review, deferred and waiting for more information, B's planning group's intake,
priorities and reviewers, and who uses each form (``FORM_USERS``, ``FORM_ARGS``)."""

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

    from arloesi.organisations.tests.factories import MembershipFactory, PlanningGroupFactory
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
    # For the forms: a reviewer's assignment not yet declared, a proposal the planning group
    # wants more information about, and a second planning group of the chair with no intake.
    world.b_undeclared_assignment = services.reviewer_assign(
        actor=world.b_chair,
        proposal=submitted(f"Foot checks {marker}"),
        reviewer=world.b_reviewer,
    )
    world.b_more_information = submitted(f"Memory clinic {marker}")
    services.decision_record(
        actor=world.b_chair,
        proposal=world.b_more_information,
        outcome=Outcome.MORE_INFORMATION_REQUESTED,
        rationale=f"Say who runs it {marker}",
    )
    world.b_quiet_planning_group = PlanningGroupFactory(parent=b.board)
    MembershipFactory(
        person=world.b_chair, unit=world.b_quiet_planning_group, role=Role.PLANNING_GROUP_CHAIR
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
    world.b_invitee = person_with_role(
        Role.PRACTITIONER, b.collaborative, email="invited-b@example.org"
    )
    world.b_co_author_invitation = services.co_author_invite(
        actor=world.b_author, proposal=world.b_proposal, email="invited-b@example.org"
    )
    sponsoring = CollaborativeFactory(parent=b.cluster)
    world.b_sponsor = services.sponsor_add(
        actor=world.b_author, proposal=world.b_proposal, collaborative=sponsoring
    )
    world.b_sponsor_lead = person_with_role(Role.COLLABORATIVE_LEAD, sponsoring)
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


def _author(w):
    return w.b_author


def _chair(w):
    return w.b_chair


# Who uses each form (the fuzz posts hostile values as them).
FORM_USERS = {
    "proposals:create": _author,
    "proposals:pitch_count": _author,
    "proposals:section": _author,
    "proposals:proposal_priorities": _author,
    "proposals:sponsors": _author,
    "proposals:sponsor_remove": _author,
    "proposals:sponsor_confirm": lambda w: w.b_sponsor_lead,
    "proposals:authors": _author,
    "proposals:author_remove": _author,
    "proposals:staff": _author,
    "proposals:need_remove": _author,
    "proposals:attachments": _author,
    "proposals:attachment_remove": _author,
    "proposals:submit": _author,
    "proposals:withdraw": _author,
    "proposals:resubmit": _author,
    "proposals:intake": _chair,
    "proposals:criterion_add": _chair,
    "proposals:criterion_edit": _chair,
    "proposals:criterion_remove": _chair,
    "proposals:reviewers": _chair,
    "proposals:decision": _chair,
    "proposals:priority_add": _chair,
    "proposals:priority_edit": _chair,
    "proposals:review": lambda w: w.b_reviewer,
    "proposals:co_author_invitation_withdraw": _author,
    "proposals:co_author_invitation_answer": lambda w: w.b_invitee,
}

# Where the owner's form needs other objects than the walk's probe: one fuzzed form per label.
FORM_ARGS = {
    "proposals:section": {
        section: (lambda w, section=section: {"proposal_id": w.b_proposal.pk, "section": section})
        for section in (
            "problem",
            "people",
            "innovation",
            "pitch",
            "value",
            "funding",
            "evaluation",
        )
    },
    "proposals:withdraw": {"under review": lambda w: {"proposal_id": w.b_under_review.pk}},
    "proposals:resubmit": {
        "more information requested": lambda w: {"proposal_id": w.b_more_information.pk}
    },
    "proposals:intake": {
        "open": lambda w: {"unit_id": w.b.planning_group.pk},
        "none open": lambda w: {"unit_id": w.b_quiet_planning_group.pk},
    },
    "proposals:priority_add": {"planning group": lambda w: {"unit_id": w.b.planning_group.pk}},
    "proposals:decision": {
        "under review": lambda w: {"proposal_id": w.b_under_review.pk},
        "deferred": lambda w: {"proposal_id": w.b_deferred.pk},
    },
    "proposals:review": {
        "declared": lambda w: {"assignment_id": w.b_assignment.pk},
        "undeclared": lambda w: {"assignment_id": w.b_undeclared_assignment.pk},
    },
}

# What the owner enters where a guess would be refused, so the other fields' hostile values get
# as far as the services.
FORM_VALUES = {
    "proposals:authors": {"email": lambda w: w.b_person.email},
    "proposals:decision": {"outcome": "approved_with_conditions"},
}
