"""E-mails about proposals reach the right people, each in their own language, and only when
the change they describe really happened."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)
from arloesi.proposals import services
from arloesi.proposals.models import ReviewerAssignment
from arloesi.proposals.tests.factories import (
    accepted_co_author,
    complete_draft,
    draft,
    setting,
    under_review,
)
from arloesi.proposals.workflow import Outcome

pytestmark = pytest.mark.django_db


def sent_to(person):
    return [message for message in mail.outbox if message.to == [person.email]]


def only_message_to(person):
    (message,) = sent_to(person)
    return message


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S*)", message.body).group(1)


def page(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def welsh(person):
    person.preferred_language = "cy"
    person.save(update_fields=["preferred_language"])
    return person


def ready_to_submit(s):
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = complete_draft(s)
    mail.outbox.clear()
    return proposal


# --- Submission -------------------------------------------------------------------------------


def test_on_submission_the_authors_are_told_and_the_chair_is_told_in_welsh(client):
    s = setting()
    welsh(s.chair)
    proposal = ready_to_submit(s)
    services.proposal_submit(actor=s.author, proposal=proposal)

    confirmation = only_message_to(s.author)
    assert confirmation.extra_headers["Content-Language"] == "en"
    assert confirmation.subject == f"Your proposal has been submitted: {proposal.title}"
    assert "It passed the completeness checks and is now under review." in confirmation.body
    assert s.planning_group.name_en in confirmation.body
    assert link_path(confirmation) == page("en", "proposals:detail", proposal_id=proposal.pk)

    to_chair = only_message_to(s.chair)
    assert to_chair.extra_headers["Content-Language"] == "cy"
    assert to_chair.subject == f"Cynnig newydd i’ch grŵp cynllunio: {proposal.title}"
    assert s.collaborative.name_cy in to_chair.body
    assert s.author.full_name in to_chair.body
    assert link_path(to_chair) == page("cy", "proposals:detail", proposal_id=proposal.pk)
    assert len(mail.outbox) == 2
    client.force_login(s.chair)
    assert client.get(link_path(to_chair)).status_code == 200


def test_each_author_hears_in_their_own_language():
    s = setting()
    proposal = ready_to_submit(s)
    co_author = PersonFactory(preferred_language="cy")
    accepted_co_author(proposal, co_author, invited_by=s.author)
    mail.outbox.clear()
    services.proposal_submit(actor=s.author, proposal=proposal)
    assert only_message_to(s.author).extra_headers["Content-Language"] == "en"
    welsh_copy = only_message_to(co_author)
    assert welsh_copy.extra_headers["Content-Language"] == "cy"
    assert welsh_copy.subject == f"Mae eich cynnig wedi’i gyflwyno: {proposal.title}"
    assert s.planning_group.name_cy in welsh_copy.body


def test_a_chair_who_is_an_author_gets_only_the_authors_email():
    s = setting()
    proposal = ready_to_submit(s)
    accepted_co_author(proposal, s.chair, invited_by=s.author)
    mail.outbox.clear()
    services.proposal_submit(actor=s.author, proposal=proposal)
    assert only_message_to(s.chair).subject.startswith("Your proposal has been submitted")


def test_someone_asked_to_co_author_hears_in_their_language_and_nobody_else_is_written_to():
    s = setting()
    proposal = draft(s)
    colleague = PersonFactory(preferred_language="cy")
    services.co_author_invite(actor=s.author, proposal=proposal, email=colleague.email.upper())
    services.co_author_invite(actor=s.author, proposal=proposal, email="nobody@example.org")
    message = only_message_to(colleague)
    assert message.subject == f"Gofynnir i chi gyd-ysgrifennu cynnig: {proposal.title}"
    assert link_path(message) == page("cy", "proposals:co_author_invitations")
    assert len(mail.outbox) == 1


def test_a_proposal_that_fails_screening_sends_no_email():
    s = setting()
    services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = draft(s)
    mail.outbox.clear()
    with pytest.raises(services.ScreeningFailedError):
        services.proposal_submit(actor=s.author, proposal=proposal)
    assert mail.outbox == []


# --- Review -----------------------------------------------------------------------------------


def test_a_reviewer_is_asked_in_their_language_with_a_link_to_review(client):
    s = setting(reviewers=0)
    reviewer = person_with_role(Role.PLANNING_GROUP_MEMBER, s.planning_group)
    welsh(reviewer)
    proposal = under_review(s)
    mail.outbox.clear()
    services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=reviewer)
    message = only_message_to(reviewer)
    assert message.extra_headers["Content-Language"] == "cy"
    assert message.subject == f"Gofynnwyd i chi adolygu cynnig: {proposal.title}"
    assert s.chair.full_name in message.body
    assert "datganwch unrhyw wrthdaro buddiannau" in message.body
    assignment = ReviewerAssignment.objects.get(reviewer=reviewer)
    assert link_path(message) == page("cy", "proposals:review", assignment_id=assignment.pk)
    client.force_login(reviewer)
    assert client.get(link_path(message)).status_code == 200

    services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=reviewer)
    assert len(mail.outbox) == 1, "assigning the same reviewer again sends nothing"


def test_no_email_when_someone_other_than_the_chair_assigns():
    s = setting(reviewers=0)
    proposal = under_review(s)
    reviewer = person_with_role(Role.PLANNING_GROUP_MEMBER, s.planning_group)
    mail.outbox.clear()
    with pytest.raises(PermissionDenied):
        services.reviewer_assign(actor=reviewer, proposal=proposal, reviewer=reviewer)
    assert mail.outbox == []
    assert not ReviewerAssignment.objects.filter(reviewer=reviewer).exists()


# --- Decisions --------------------------------------------------------------------------------


def test_the_authors_get_the_chairs_questions_and_the_chair_hears_of_the_resubmission():
    s = setting()
    proposal = under_review(s)
    mail.outbox.clear()
    services.proposal_request_information(
        actor=s.chair, proposal=proposal, request="How many clinics, and where?"
    )
    message = only_message_to(s.author)
    assert message.subject == f"More information is needed about your proposal: {proposal.title}"
    assert "How many clinics, and where?" in message.body
    assert s.chair.full_name in message.body
    assert sent_to(s.chair) == []

    mail.outbox.clear()
    services.proposal_resubmit(actor=s.author, proposal=proposal, response="Two, in Porth.")
    assert only_message_to(s.author).subject.startswith("Your proposal has been resubmitted")
    to_chair = only_message_to(s.chair)
    assert to_chair.subject == f"Proposal resubmitted with more information: {proposal.title}"
    assert "Two, in Porth." in to_chair.body


def test_the_decision_reaches_each_author_with_its_reasons_conditions_and_feedback():
    s = setting()
    proposal = ready_to_submit(s)
    co_author = PersonFactory(preferred_language="cy")
    accepted_co_author(proposal, co_author, invited_by=s.author)
    services.proposal_submit(actor=s.author, proposal=proposal)
    mail.outbox.clear()
    services.decision_record(
        actor=s.chair,
        proposal=proposal,
        outcome=Outcome.APPROVED_WITH_CONDITIONS,
        rationale="Strong evidence and a clear plan.",
        conditions="Report falls every quarter.",
        feedback="Talk to the Taff Ely pharmacists.",
        meeting_reference="PCPG 12",
    )
    message = only_message_to(s.author)
    assert message.extra_headers["Content-Language"] == "en"
    assert message.subject == f"Decision on your proposal: {proposal.title}"
    for text in (
        "Decision: Approved with conditions",
        "Strong evidence and a clear plan.",
        "Report falls every quarter.",
        "Talk to the Taff Ely pharmacists.",
        "Meeting: PCPG 12",
        "pilot project",
    ):
        assert text in message.body
    in_welsh = only_message_to(co_author)
    assert in_welsh.extra_headers["Content-Language"] == "cy"
    assert in_welsh.subject == f"Penderfyniad ar eich cynnig: {proposal.title}"
    assert "Penderfyniad: Wedi’i gymeradwyo’n amodol" in in_welsh.body
    assert "Report falls every quarter." in in_welsh.body
    assert sent_to(s.chair) == []


def test_a_decline_says_so_without_conditions():
    s = setting()
    proposal = under_review(s)
    mail.outbox.clear()
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Outcome.DECLINED, rationale="Out of scope."
    )
    message = only_message_to(s.author)
    assert "Decision: Declined" in message.body
    assert "Out of scope." in message.body
    assert "Conditions" not in message.body
    assert "pilot" not in message.body


def test_no_email_when_the_decision_is_refused():
    s = setting()
    proposal = under_review(s)
    mail.outbox.clear()
    with pytest.raises(ValidationError):
        services.decision_record(
            actor=s.chair,
            proposal=proposal,
            outcome=Outcome.APPROVED_WITH_CONDITIONS,
            rationale="Good",
            conditions="",
        )
    with pytest.raises(PermissionDenied):
        services.decision_record(
            actor=s.reviewers[0], proposal=proposal, outcome=Outcome.APPROVED, rationale="Good"
        )
    assert mail.outbox == []


# --- Sponsors ---------------------------------------------------------------------------------


def test_a_new_sponsor_makes_each_collaboratives_lead_confirm():
    s = setting()
    own_lead = person_with_role(Role.COLLABORATIVE_LEAD, s.collaborative)
    pharmacy = CollaborativeFactory(parent=s.cluster)
    pharmacy_lead = welsh(person_with_role(Role.COLLABORATIVE_LEAD, pharmacy))
    elsewhere = CollaborativeFactory(parent=ClusterFactory(parent=s.planning_group))
    elsewhere_lead = person_with_role(Role.COLLABORATIVE_LEAD, elsewhere)
    proposal = draft(s)
    mail.outbox.clear()

    services.sponsor_add(actor=s.author, proposal=proposal, collaborative=pharmacy)
    message = only_message_to(pharmacy_lead)
    assert message.extra_headers["Content-Language"] == "cy"
    assert (
        message.subject == f"Cadarnhewch fod eich cydweithredfa yn noddi cynnig: {proposal.title}"
    )
    assert pharmacy.name_cy in message.body
    assert s.collaborative.name_cy in message.body
    assert link_path(message) == page("cy", "proposals:detail", proposal_id=proposal.pk)
    # It has just become cross-boundary, so the lead collaborative must confirm too.
    assert only_message_to(own_lead).subject.startswith("Confirm that your collaborative")
    assert len(mail.outbox) == 2

    mail.outbox.clear()
    services.sponsor_add(actor=s.author, proposal=proposal, collaborative=elsewhere)
    assert [m.to for m in mail.outbox] == [[elsewhere_lead.email]]
    services.sponsor_add(actor=s.author, proposal=proposal, collaborative=elsewhere)
    assert len(mail.outbox) == 1, "adding the same sponsor again asks nobody"


def test_a_lead_adding_a_sponsor_is_not_emailed_about_it():
    s = setting()
    lead = person_with_role(Role.COLLABORATIVE_LEAD, s.collaborative)
    proposal = services.proposal_create(actor=lead, collaborative=s.collaborative, title="Mine")
    other = CollaborativeFactory(parent=s.cluster)
    other_lead = person_with_role(Role.COLLABORATIVE_LEAD, other)
    mail.outbox.clear()
    services.sponsor_add(actor=lead, proposal=proposal, collaborative=other)
    assert [m.to for m in mail.outbox] == [[other_lead.email]]


def test_no_email_when_someone_other_than_an_author_adds_a_sponsor():
    s = setting()
    proposal = draft(s)
    other = CollaborativeFactory(parent=s.cluster)
    person_with_role(Role.COLLABORATIVE_LEAD, other)
    mail.outbox.clear()
    with pytest.raises(PermissionDenied):
        services.sponsor_add(
            actor=person_with_role(Role.PRACTITIONER, other), proposal=proposal, collaborative=other
        )
    assert mail.outbox == []
