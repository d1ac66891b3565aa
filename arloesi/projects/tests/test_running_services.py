"""Running a project: its team and leads keep its plan, RAG status, stage, milestones, updates
and conditions up to date; everyone else is refused; every change is on the record; two people
changing the same thing at once cannot both succeed unseen."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from arloesi.core.audit import ConcurrentEditError
from arloesi.core.models import AuditEvent
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.diagrams.tests.factories import submitted
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role
from arloesi.projects import selectors, services
from arloesi.projects.models import (
    Milestone,
    ProgressUpdate,
    ProjectCondition,
    ProjectStageChange,
    ProjectTeamMember,
    RagChange,
)
from arloesi.projects.tests.factories import started_project
from arloesi.projects.vocabulary import Outcome, Rag, Stage
from arloesi.proposals import services as proposal_services
from arloesi.proposals.tests.factories import accepted_co_author, complete_draft, setting
from arloesi.proposals.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def started():
    return started_project()


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def audited(obj, action=AuditEvent.Action.UPDATED) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            action=action,
        ).order_by("at", "id")
    )


def test_an_approval_with_conditions_carries_sponsors_priorities_and_conditions_over():
    s = setting()
    proposal = submitted(s, complete_draft(s))
    proposal_services.decision_record(
        actor=s.chair,
        proposal=proposal,
        outcome=Status.APPROVED_WITH_CONDITIONS,
        rationale="Clear need",
        conditions="1. Report the checks every quarter\n- Share the training materials\n",
    )
    project = selectors.project_for_proposal(proposal_id=proposal.pk)
    page = selectors.project_page(user=s.author, project=project)

    assert [c.text for c in page.conditions] == [
        "Report the checks every quarter",
        "Share the training materials",
    ]
    assert page.open_conditions == 2
    assert [sp.collaborative for sp in page.sponsors] == [s.collaborative]
    assert [p.pk for p in page.priorities] == [s.priority.pk]
    assert page.lead == s.author
    assert page.evaluation_plan.objectives
    assert project.status == Stage.PILOT


def test_the_lead_sets_the_dates_and_hands_the_lead_to_a_co_author():
    s = setting()
    proposal = complete_draft(s)
    co_author = person_with_role(Role.PRACTITIONER, s.collaborative)
    accepted_co_author(proposal, co_author)
    proposal = submitted(s, proposal)
    proposal_services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.APPROVED, rationale="Good"
    )
    project = selectors.project_for_proposal(proposal_id=proposal.pk)
    today = timezone.localdate()

    services.project_plan_update(
        actor=s.author,
        project=project,
        expected_version=project.version,
        starts_on=today,
        planned_end_on=today + timedelta(days=180),
        lead_id=co_author.pk,
    )

    project = fresh(project)
    assert project.starts_on == today
    assert ProjectTeamMember.objects.get(project=project, is_lead=True).person == co_author
    assert audited(project)[-1].changes["planned_end_on"][1] == str(today + timedelta(days=180))


def test_a_plan_ending_before_it_starts_is_refused(started):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        services.project_plan_update(
            actor=started.lead,
            project=started.project,
            expected_version=started.project.version,
            starts_on=today,
            planned_end_on=today - timedelta(days=1),
        )
    assert "planned_end_on" in refused.value.error_dict


def test_someone_outside_the_project_is_refused_every_change(started):
    outsider = person_with_role(Role.COLLABORATIVE_LEAD, CollaborativeFactory())
    follower = person_with_role(Role.PRACTITIONER, started.collaborative.parent)
    project = started.project
    milestone = services.milestone_add(
        actor=started.lead, project=project, title="Start", due_on=timezone.localdate()
    )
    condition = ProjectCondition.objects.create(project=project, text="Report quarterly")
    for person in (outsider, follower):
        attempts = [
            lambda p=person: services.project_rag_change(
                actor=p, project=project, expected_version=1, rag=Rag.RED, reason="No"
            ),
            lambda p=person: services.progress_update_add(actor=p, project=project, text="Hi"),
            lambda p=person: services.milestone_remove(actor=p, milestone=milestone),
            lambda p=person: services.condition_close(
                actor=p, condition=condition, expected_version=1, how_met="Done"
            ),
            lambda p=person: services.project_stage_move(
                actor=p, project=project, from_stage=Stage.PILOT, to_stage=Stage.DELIVERING
            ),
        ]
        for attempt in attempts:
            with pytest.raises(PermissionDenied):
                attempt()
    assert fresh(project).rag == ""
    assert Milestone.objects.filter(pk=milestone.pk).exists()


def test_the_collaboratives_lead_may_change_a_project_they_are_not_on_the_team_of(started):
    lead = person_with_role(Role.COLLABORATIVE_LEAD, started.collaborative)
    services.progress_update_add(actor=lead, project=started.project, text="Checked in")
    assert ProgressUpdate.objects.filter(project=started.project, author=lead).exists()


def test_each_rag_status_needs_its_reason_and_every_change_is_kept(started):
    project = started.project
    with pytest.raises(ValidationError) as refused:
        services.project_rag_change(
            actor=started.lead, project=project, expected_version=1, rag=Rag.AMBER, reason="  "
        )
    assert "reason" in refused.value.error_dict

    services.project_rag_change(
        actor=started.lead, project=project, expected_version=1, rag=Rag.AMBER, reason="Slow"
    )
    project = fresh(project)
    services.project_rag_change(
        actor=started.lead,
        project=project,
        expected_version=project.version,
        rag=Rag.GREEN,
        reason="Caught up",
    )

    project = fresh(project)
    assert (project.rag, project.rag_reason) == (Rag.GREEN, "Caught up")
    assert project.rag_changed_at is not None
    history = [(c.from_rag, c.to_rag, c.reason) for c in RagChange.objects.filter(project=project)]
    assert history == [("", Rag.AMBER, "Slow"), (Rag.AMBER, Rag.GREEN, "Caught up")]
    assert audited(project)[-1].changes["rag"] == [Rag.AMBER, Rag.GREEN]


def test_a_rag_status_given_on_an_out_of_date_page_is_refused(started):
    project = started.project
    services.project_rag_change(
        actor=started.lead, project=project, expected_version=1, rag=Rag.AMBER, reason="Slow"
    )
    with pytest.raises(ConcurrentEditError):
        services.project_rag_change(
            actor=started.lead,
            project=selectors.project_for_proposal(proposal_id=project.proposal_id),
            expected_version=1,
            rag=Rag.RED,
            reason="Stuck",
        )
    assert fresh(project).rag == Rag.AMBER


def test_the_stages_follow_the_workflow_and_closing_needs_the_outcome_and_reasons(started):
    project, lead = started.project, started.lead
    with pytest.raises(TransitionNotAllowedError):
        services.project_stage_move(
            actor=lead, project=project, from_stage=Stage.PILOT, to_stage=Stage.EVALUATING
        )
    services.project_stage_move(
        actor=lead,
        project=project,
        from_stage=Stage.PILOT,
        to_stage=Stage.DELIVERING,
        reason="Pilot went well",
    )
    with pytest.raises(ValidationError) as refused:
        services.project_stage_move(
            actor=lead, project=project, from_stage=Stage.DELIVERING, to_stage=Stage.CLOSED
        )
    assert set(refused.value.error_dict) == {"outcome", "outcome_reasons"}
    assert fresh(project).status == Stage.DELIVERING

    services.project_stage_move(
        actor=lead,
        project=project,
        from_stage=Stage.DELIVERING,
        to_stage=Stage.CLOSED,
        outcome=Outcome.MAINSTREAMED,
        outcome_reasons="Every practice now does it",
    )
    project = fresh(project)
    assert (project.status, project.outcome) == (Stage.CLOSED, Outcome.MAINSTREAMED)
    steps = [
        (c.from_status, c.to_status, c.reason)
        for c in ProjectStageChange.objects.filter(project=project).order_by("at", "id")
    ]
    assert steps == [
        (Stage.PILOT, Stage.DELIVERING, "Pilot went well"),
        (Stage.DELIVERING, Stage.CLOSED, ""),
    ]
    assert audited(project, AuditEvent.Action.STATUS)

    # Closed is final: no stage follows, and nothing of the project changes any more.
    for target in Stage.values:
        with pytest.raises(TransitionNotAllowedError):
            services.project_stage_move(
                actor=lead, project=project, from_stage=Stage.CLOSED, to_stage=target
            )
    with pytest.raises(ValidationError):
        services.progress_update_add(actor=lead, project=project, text="One more thing")


def test_a_stage_move_from_an_out_of_date_page_changes_nothing(started):
    project, lead = started.project, started.lead
    services.project_stage_move(
        actor=lead, project=project, from_stage=Stage.PILOT, to_stage=Stage.DELIVERING
    )
    with pytest.raises(ConcurrentEditError):
        # The other person's page still showed the pilot: they meant to move it on from there.
        services.project_stage_move(
            actor=lead,
            project=project,
            from_stage=Stage.PILOT,
            to_stage=Stage.CLOSED,
            outcome=Outcome.STOPPED,
            outcome_reasons="No staff",
        )
    assert fresh(project).status == Stage.DELIVERING


def test_milestones_are_added_changed_done_and_removed_on_the_record(started):
    project, lead = started.project, started.lead
    today = timezone.localdate()
    milestone = services.milestone_add(
        actor=lead, project=project, title="Train the staff", due_on=today + timedelta(days=7)
    )
    milestone = services.milestone_update(
        actor=lead,
        milestone=milestone,
        expected_version=1,
        title="Train the pharmacists",
        due_on=today + timedelta(days=14),
    )
    milestone = services.milestone_done(actor=lead, milestone=milestone, expected_version=2)
    assert fresh(milestone).done_on == today
    with pytest.raises(ConcurrentEditError):
        services.milestone_done(actor=lead, milestone=milestone, expected_version=2, done=False)

    with pytest.raises(ValidationError):
        services.milestone_update(
            actor=lead,
            milestone=milestone,
            expected_version=milestone.version,
            title="Train the pharmacists",
            due_on=today,
            done_on=today + timedelta(days=3),
        )
    milestone_id = milestone.pk
    services.milestone_remove(actor=lead, milestone=fresh(milestone))
    assert not Milestone.objects.filter(pk=milestone_id).exists()
    events = AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(Milestone), object_id=str(milestone_id)
    ).order_by("at", "id")
    assert [e.action for e in events] == [
        AuditEvent.Action.CREATED,
        AuditEvent.Action.UPDATED,
        AuditEvent.Action.UPDATED,
        AuditEvent.Action.DELETED,
    ]


def test_a_progress_update_keeps_the_rag_status_and_the_project_is_no_longer_stale(
    started, settings
):
    settings.PROJECT_STALE_AFTER_DAYS = 30
    project, lead = started.project, started.lead
    type(project).objects.filter(pk=project.pk).update(
        last_update_at=timezone.now() - timedelta(days=31)
    )
    assert selectors.is_stale(fresh(project))
    services.project_rag_change(
        actor=lead, project=project, expected_version=1, rag=Rag.AMBER, reason="Slow"
    )

    update = services.progress_update_add(actor=lead, project=fresh(project), text="Back on track")

    assert (update.rag, update.author, update.text) == (Rag.AMBER, lead, "Back on track")
    assert not selectors.is_stale(fresh(project))
    assert audited(update, AuditEvent.Action.CREATED)
    with pytest.raises(ValidationError):
        services.progress_update_add(actor=lead, project=project, text="x" * 2001)


def test_a_condition_is_closed_with_how_it_was_met_and_can_be_opened_again(started):
    project, lead = started.project, started.lead
    condition = ProjectCondition.objects.create(project=project, text="Report quarterly")
    with pytest.raises(ValidationError):
        services.condition_close(actor=lead, condition=condition, expected_version=1, how_met="")

    condition = services.condition_close(
        actor=lead, condition=condition, expected_version=1, how_met="Sent to the PCPG in June"
    )
    saved = fresh(condition)
    assert (saved.how_met, saved.closed_by) == ("Sent to the PCPG in June", lead)
    assert saved.closed_at is not None

    with pytest.raises(ConcurrentEditError):
        services.condition_reopen(actor=lead, condition=saved, expected_version=1)
    saved = fresh(condition)
    services.condition_reopen(actor=lead, condition=saved, expected_version=saved.version)
    assert fresh(condition).closed_at is None
    assert audited(condition)[0].changes["how_met"] == ["", "Sent to the PCPG in June"]
