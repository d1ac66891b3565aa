from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from arloesi.core.audit import ConcurrentEditError
from arloesi.core.models import AuditEvent, ImmutableRecordError
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)
from arloesi.projects.models import Project
from arloesi.proposals import selectors, services
from arloesi.proposals.models import (
    Criterion,
    Decision,
    Proposal,
    ProposalSponsor,
    ProposalTransition,
)
from arloesi.proposals.tests.factories import (
    accepted_co_author,
    complete_draft,
    draft,
    setting,
    under_review,
)
from arloesi.proposals.workflow import Status

pytestmark = pytest.mark.django_db


def steps(proposal) -> list[tuple[str, str, object]]:
    return [
        (t.from_status, t.to_status, t.actor)
        for t in ProposalTransition.objects.filter(proposal=proposal)
    ]


# --- Writing a proposal -----------------------------------------------------------------------


def test_a_practitioner_starts_a_draft_for_their_collaborative():
    s = setting()
    proposal = draft(s)
    assert proposal.status == Status.DRAFT
    assert proposal.planning_group == s.planning_group
    assert proposal.scope_path == s.collaborative.path
    assert proposal.planning_group_path == s.planning_group.path
    assert [a.person for a in proposal.authors.all()] == [s.author]
    assert [sp.collaborative for sp in proposal.sponsors.all()] == [s.collaborative]
    assert AuditEvent.objects.filter(object_id=str(proposal.pk), action="created").exists()


def test_nobody_writes_for_a_collaborative_they_are_not_in():
    s = setting()
    with pytest.raises(PermissionDenied):
        services.proposal_create(
            actor=person_with_role(Role.PRACTITIONER, CollaborativeFactory()),
            collaborative=s.collaborative,
            title="Not mine",
        )


def test_an_edit_saved_by_someone_else_meanwhile_is_refused():
    s = setting()
    proposal = draft(s)
    co_author = PersonFactory()
    accepted_co_author(proposal, co_author, invited_by=s.author)
    services.proposal_update(
        actor=co_author, proposal=proposal, expected_version=1, problem="Their version"
    )
    with pytest.raises(ConcurrentEditError):
        services.proposal_update(
            actor=s.author, proposal=proposal, expected_version=1, problem="My version"
        )
    assert Proposal.objects.get(pk=proposal.pk).problem == "Their version"


def test_an_edit_begun_before_submission_cannot_overwrite_the_status():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = complete_draft(s)
    version = proposal.version
    services.proposal_submit(actor=s.author, proposal=proposal)
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.proposal_update(
            actor=s.author, proposal=proposal, expected_version=version, title="Late"
        )
    assert Proposal.objects.get(pk=proposal.pk).status == Status.UNDER_REVIEW


def test_only_authors_edit_and_only_what_authors_write():
    s = setting()
    proposal = draft(s)
    neighbour = person_with_role(Role.PRACTITIONER, s.collaborative)
    with pytest.raises(PermissionDenied):
        services.proposal_update(actor=neighbour, proposal=proposal, expected_version=1, title="x")
    with pytest.raises(TypeError):
        services.proposal_update(
            actor=s.author, proposal=proposal, expected_version=1, status=Status.APPROVED
        )


def test_priorities_must_be_the_planning_groups_own():
    s = setting()
    elsewhere = setting()
    proposal = draft(s)
    with pytest.raises(ValidationError):
        services.proposal_priorities_set(
            actor=s.author, proposal=proposal, priorities=[elsewhere.priority]
        )
    services.proposal_priorities_set(actor=s.author, proposal=proposal, priorities=[s.priority])
    services.proposal_priorities_set(actor=s.author, proposal=proposal, priorities=[s.priority])
    assert proposal.priority_links.count() == 1


# --- Submission and screening -----------------------------------------------------------------


def test_an_incomplete_proposal_stays_a_draft_with_messages():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = draft(s)
    with pytest.raises(services.ScreeningFailedError) as refused:
        services.proposal_submit(actor=s.author, proposal=proposal)
    assert "Describe the problem the proposal addresses" in refused.value.message_dict["problem"]
    assert "evaluation" in refused.value.message_dict
    proposal.refresh_from_db()
    assert proposal.status == Status.DRAFT
    assert proposal.submitted_at is None
    assert not ProposalTransition.objects.filter(proposal=proposal).exists()


def test_a_complete_proposal_is_submitted_screened_and_put_under_review():
    s = setting()
    intake = services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = services.proposal_submit(actor=s.author, proposal=complete_draft(s))
    assert proposal.status == Status.UNDER_REVIEW
    assert proposal.intake == intake
    assert proposal.submitted_at is not None
    assert steps(proposal) == [
        (Status.DRAFT, Status.SUBMITTED, s.author),
        (Status.SUBMITTED, Status.SCREENING, None),
        (Status.SCREENING, Status.UNDER_REVIEW, None),
    ]


def test_nothing_is_submitted_while_the_intake_is_closed():
    s = setting()
    intake = services.intake_open(actor=s.chair, planning_group=s.planning_group)
    services.intake_close(actor=s.chair, intake=intake)
    with pytest.raises(services.ScreeningFailedError) as refused:
        services.proposal_submit(actor=s.author, proposal=complete_draft(s))
    assert list(refused.value.message_dict) == ["intake"]


def test_a_cross_boundary_proposal_waits_for_each_sponsors_lead():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    other_cluster = CollaborativeFactory(parent=ClusterFactory(parent=s.planning_group))
    proposal = complete_draft(s)
    services.sponsor_add(actor=s.author, proposal=proposal, collaborative=other_cluster)
    with pytest.raises(services.ScreeningFailedError) as refused:
        services.proposal_submit(actor=s.author, proposal=proposal)
    assert len(refused.value.message_dict["sponsors"]) == 2
    with pytest.raises(PermissionDenied):
        services.sponsor_confirm(
            actor=person_with_role(Role.COLLABORATIVE_LEAD, s.collaborative),
            sponsor=ProposalSponsor.objects.get(collaborative=other_cluster),
        )
    for sponsor in proposal.sponsors.all():
        lead = person_with_role(Role.COLLABORATIVE_LEAD, sponsor.collaborative)
        services.sponsor_confirm(actor=lead, sponsor=sponsor)
    assert services.proposal_submit(actor=s.author, proposal=proposal).status == (
        Status.UNDER_REVIEW
    )


def test_authors_withdraw_before_a_decision_but_not_after():
    s = setting()
    proposal = under_review(s)
    services.proposal_withdraw(actor=s.author, proposal=proposal, reason="Funded elsewhere")
    assert steps(proposal)[-1] == (Status.UNDER_REVIEW, Status.WITHDRAWN, s.author)
    assert ProposalTransition.objects.filter(proposal=proposal).last().reason == (
        "Funded elsewhere"
    )
    decided = under_review(s, title="Second")
    services.decision_record(
        actor=s.chair, proposal=decided, outcome=Status.DECLINED, rationale="Out of scope"
    )
    with pytest.raises(TransitionNotAllowedError):
        services.proposal_withdraw(actor=s.author, proposal=decided)


# --- Decisions --------------------------------------------------------------------------------


def test_more_information_goes_back_to_the_authors_who_resubmit():
    s = setting()
    proposal = under_review(s)
    services.proposal_request_information(
        actor=s.chair, proposal=proposal, request="Say how many clinics there will be."
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.MORE_INFORMATION_REQUESTED
    services.proposal_update(
        actor=s.author,
        proposal=proposal,
        expected_version=proposal.version,
        pitch_ask="Fund three clinics.",
    )
    services.intake_close(actor=s.chair, intake=proposal.intake)
    resubmitted = services.proposal_resubmit(
        actor=s.author, proposal=proposal, response="Three clinics."
    )
    assert resubmitted.status == Status.UNDER_REVIEW
    assert steps(proposal)[-3:] == [
        (Status.MORE_INFORMATION_REQUESTED, Status.SUBMITTED, s.author),
        (Status.SUBMITTED, Status.SCREENING, None),
        (Status.SCREENING, Status.UNDER_REVIEW, None),
    ]


def test_an_approval_records_the_decision_and_starts_a_pilot_project():
    s = setting()
    proposal = under_review(s)
    meeting = timezone.localdate() - timedelta(days=1)
    decision = services.decision_record(
        actor=s.chair,
        proposal=proposal,
        outcome=Status.APPROVED_WITH_CONDITIONS,
        rationale="Strong fit with the falls priority.",
        conditions="Report the first month's numbers.",
        meeting_reference="PCPG meeting, November",
        meeting_date=meeting,
    )
    assert decision.meeting_date == meeting
    assert Proposal.objects.get(pk=proposal.pk).status == Status.APPROVED_WITH_CONDITIONS
    project = Project.objects.get(proposal_id=proposal.pk)
    assert project.status == Project.Stage.PILOT
    assert steps(proposal)[-1] == (Status.UNDER_REVIEW, Status.APPROVED_WITH_CONDITIONS, s.chair)


def test_conditions_are_required_for_a_conditional_approval():
    s = setting()
    proposal = under_review(s)
    with pytest.raises(ValidationError):
        services.decision_record(
            actor=s.chair,
            proposal=proposal,
            outcome=Status.APPROVED_WITH_CONDITIONS,
            rationale="Good",
        )
    assert Proposal.objects.get(pk=proposal.pk).status == Status.UNDER_REVIEW


def test_a_decline_starts_no_project_and_only_the_chair_decides():
    s = setting()
    proposal = under_review(s)
    with pytest.raises(PermissionDenied):
        services.decision_record(
            actor=s.reviewers[0], proposal=proposal, outcome=Status.APPROVED, rationale="Yes"
        )
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.DECLINED, rationale="Duplicates X."
    )
    assert not Project.objects.exists()


def test_a_chair_who_wrote_the_proposal_cannot_decide_on_it():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = complete_draft(s)
    accepted_co_author(proposal, s.chair, invited_by=s.author)
    proposal = services.proposal_submit(actor=s.author, proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.decision_record(
            actor=s.chair, proposal=proposal, outcome=Status.APPROVED, rationale="Mine"
        )


def test_a_deferred_proposal_is_reopened_by_the_chair():
    s = setting()
    proposal = under_review(s)
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.DEFERRED, rationale="Next quarter"
    )
    assert services.proposal_reopen(actor=s.chair, proposal=proposal).status == (
        Status.UNDER_REVIEW
    )


def test_transitions_and_decisions_cannot_be_edited_afterwards():
    s = setting()
    proposal = under_review(s)
    decision = services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.APPROVED, rationale="Yes"
    )
    transition = ProposalTransition.objects.filter(proposal=proposal).first()
    transition.reason = "rewritten"
    with pytest.raises(ImmutableRecordError):
        transition.save()
    with pytest.raises(ImmutableRecordError):
        ProposalTransition.objects.filter(proposal=proposal).update(reason="rewritten")
    with pytest.raises(ImmutableRecordError):
        decision.delete()
    with pytest.raises(ImmutableRecordError):
        Decision.objects.all().delete()


# --- Intake -----------------------------------------------------------------------------------


def test_a_first_intake_has_the_default_weighted_criteria_and_later_ones_copy_the_last():
    s = setting()
    first = services.intake_open(actor=s.chair, planning_group=s.planning_group)
    names = list(first.criteria.values_list("name_en", flat=True))
    assert names[0] == "Fit with local priorities"
    assert len(names) == 7
    assert all(c.name_cy for c in first.criteria.all())
    services.criterion_update(actor=s.chair, criterion=first.criteria.first(), weight=40)
    with pytest.raises(ValidationError):
        services.intake_open(actor=s.chair, planning_group=s.planning_group)
    services.intake_close(actor=s.chair, intake=first)
    second = services.intake_open(actor=s.chair, planning_group=s.planning_group)
    assert second.criteria.first().weight == 40


def test_only_the_chair_runs_the_intake():
    s = setting()
    with pytest.raises(PermissionDenied):
        services.intake_open(actor=s.reviewers[0], planning_group=s.planning_group)


def test_criterion_weights_must_be_positive():
    s = setting()
    intake = services.intake_open(actor=s.chair, planning_group=s.planning_group)
    with pytest.raises(ValidationError):
        services.criterion_create(
            actor=s.chair, intake=intake, name_en="Zero", name_cy="Dim", weight=0
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Criterion.objects.create(intake=intake, name_en="Neg", name_cy="Neg", weight=-1)


def test_an_nhs_number_in_a_saved_proposal_is_pointed_out_but_does_not_block_it():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = complete_draft(s, evidence="Audit of patient 943 476 5919 and others.")
    result = selectors.proposal_screening(proposal=proposal)
    assert result.passed
    assert [warning.field for warning in result.warnings] == ["evidence"]
    assert services.proposal_submit(actor=s.author, proposal=proposal).status == (
        Status.UNDER_REVIEW
    )
