import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from arloesi.organisations.models import Person
from arloesi.projects.models import Project
from arloesi.proposals import selectors
from arloesi.proposals.models import (
    Decision,
    Intake,
    LocalPriority,
    Proposal,
    ProposalSponsor,
    Score,
)
from arloesi.proposals.workflow import Status

pytestmark = pytest.mark.django_db


def demo_person(email: str) -> Person:
    return Person.objects.get(email=email)


def test_demo_proposals_are_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="never in production"):
        call_command("load_demo")
    assert not Proposal.objects.exists()


def test_the_demo_shows_proposals_in_every_state_and_loading_again_adds_nothing(settings, capsys):
    settings.DEMO_MODE = True
    call_command("load_demo")
    counts = [Proposal.objects.count(), Score.objects.count(), LocalPriority.objects.count()]
    call_command("load_demo")
    assert [Proposal.objects.count(), Score.objects.count(), LocalPriority.objects.count()] == (
        counts
    )

    statuses = sorted(Proposal.objects.values_list("status", flat=True))
    assert statuses == sorted(
        [
            Status.DRAFT,
            Status.DRAFT,
            # Taff Ely's adaptation of the Rhondda learning record (the learning demo).
            Status.DRAFT,
            Status.UNDER_REVIEW,
            Status.APPROVED,
            Status.APPROVED_WITH_CONDITIONS,
            Status.MORE_INFORMATION_REQUESTED,
            Status.DECLINED,
        ]
    )
    assert Intake.objects.get().is_open()
    assert LocalPriority.objects.count() == 5
    started = Proposal.objects.filter(pk__in=Project.objects.values("proposal_id"))
    assert sorted(started.values_list("status", flat=True)) == [
        Status.APPROVED,
        Status.APPROVED_WITH_CONDITIONS,
    ]
    assert Decision.objects.count() == 4
    assert Person.objects.filter(is_demo=False).count() == 0

    # The chair's queue ranks the proposal under review with both reviewers' scores.
    chair = demo_person("pcpg.chair@arloesi.example")
    under_review = Proposal.objects.get(status=Status.UNDER_REVIEW)
    (entry,) = selectors.queue_for(user=chair, planning_group=under_review.planning_group).rows
    assert entry.summary.weighted_score is not None
    assert entry.reviewers_assigned == 2

    # The cross-boundary proposal waits for the GMS collaborative's lead to confirm.
    cross = next(p for p in Proposal.objects.all() if p.is_cross_boundary)
    waiting = ProposalSponsor.objects.get(proposal=cross, confirmed_at__isnull=True)
    assert waiting.collaborative.code == "CTM-RHONDDA-GMS"
    lead = demo_person("collaborative.lead@arloesi.example")
    assert cross in selectors.proposal_list_for(user=lead)

    # The practitioner sees their own proposals, drafts included.
    practitioner = demo_person("practitioner@arloesi.example")
    assert selectors.proposal_list_for(user=practitioner).filter(status=Status.DRAFT).count() == 2

    output = capsys.readouterr().out
    assert "pharmacy.lead@arloesi.example" in output
    assert "Demo proposals: 7 added" in output
    assert "Demo proposals: 0 added" in output


def test_the_demo_pharmacy_lead_is_asked_to_co_author_the_draft(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    lead = demo_person("pharmacy.lead@arloesi.example")
    (invitation,) = selectors.co_author_invitations_for(user=lead)
    assert invitation.proposal.status == Status.DRAFT
