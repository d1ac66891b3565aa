"""The authors' pages, as the people who use them: writing a proposal in sections, submitting
it, withdrawing it, the sponsor lead's confirmation, attachments and similar work."""

import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from weasyprint import CSS, HTML

from arloesi.core.models import AuditEvent
from arloesi.core.pdf import PRINT_STYLESHEET
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    person_with_role,
)
from arloesi.proposals import selectors, services
from arloesi.proposals.models import (
    EvaluationPlan,
    Proposal,
    ProposalAttachment,
    ProposalSponsor,
)
from arloesi.proposals.tests.factories import (
    COMPLETE,
    accepted_co_author,
    complete_draft,
    draft,
    setting,
)
from arloesi.proposals.workflow import Outcome, Status

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"
NHS_NUMBER = "943 476 5919"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def url(name, proposal=None, **kwargs):
    if proposal is not None:
        kwargs["proposal_id"] = proposal.pk
    return reverse(f"proposals:{name}", kwargs=kwargs or None)


def section_url(proposal, section):
    return url("section", proposal, section=section)


def body(response) -> str:
    return response.content.decode()


def open_intake(s):
    services.intake_open(actor=s.chair, planning_group=s.planning_group)


def outsider():
    """A practitioner in a collaborative of another planning group."""
    return person_with_role(Role.PRACTITIONER, CollaborativeFactory())


# --- The list and starting a proposal ---------------------------------------------------------


def test_a_practitioner_sees_their_collaboratives_proposals_with_their_status(client):
    s = setting()
    draft(s, title="Eye checks at the flu clinic")
    client.force_login(s.author)
    page = body(client.get(url("list")))
    assert "Eye checks at the flu clinic" in page
    assert "nhsuk-tag--grey" in page
    assert "Start a proposal" in page


def test_other_clusters_see_nothing_of_a_draft(client):
    s = setting()
    proposal = draft(s, title="Eye checks at the flu clinic")
    client.force_login(outsider())
    assert "Eye checks" not in body(client.get(url("list")))
    assert client.get(url("detail", proposal)).status_code == 404
    assert client.get(url("edit", proposal)).status_code == 404


def test_the_list_filters_by_status(client):
    s = setting()
    draft(s, title="Still a draft")
    withdrawn = draft(s, title="Taken back")
    services.proposal_withdraw(actor=s.author, proposal=withdrawn, reason="Duplicate")
    client.force_login(s.author)
    page = body(client.get(url("list") + "?status=withdrawn"))
    assert "Taken back" in page
    assert "Still a draft" not in page
    assert "Still a draft" in body(client.get(url("list") + "?status=nonsense"))


def test_a_cluster_lead_follows_proposals_but_cannot_start_one(client):
    s = setting()
    draft(s, title="Eye checks at the flu clinic")
    lead = person_with_role(Role.CLUSTER_LEAD, s.cluster)
    client.force_login(lead)
    page = body(client.get(url("list")))
    assert "Eye checks at the flu clinic" in page
    assert "Start a proposal" not in page
    assert client.get(url("create")).status_code == 404


def test_starting_a_proposal_makes_a_draft_and_opens_its_task_list(client):
    s = setting()
    client.force_login(s.author)
    response = client.post(
        url("create"), {"title": "Eye checks", "collaborative": s.collaborative.pk}
    )
    proposal = Proposal.objects.get(title="Eye checks")
    assert response["Location"] == url("edit", proposal)
    page = body(client.get(response["Location"]))
    assert "The problem and the evidence" in page
    assert "Evaluation plan" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Enter a title for the proposal"),
        ({"title": "x" * 201}, "“Title” must be 200 characters or fewer"),
        ({"title": "Fine", "collaborative": "999999"}, "Select one of the options listed"),
    ],
)
def test_a_bad_start_is_shown_again_with_a_clear_message(client, data, message):
    s = setting()
    client.force_login(s.author)
    response = client.post(url("create"), {"collaborative": s.collaborative.pk} | data)
    page = body(response)
    assert response.status_code == 200
    assert message in page
    assert page.count("<title>Error: ") == 1
    assert not Proposal.objects.exists()


def test_script_in_a_title_is_kept_as_text_and_shown_escaped(client):
    s = setting()
    client.force_login(s.author)
    client.post(url("create"), {"title": HOSTILE, "collaborative": s.collaborative.pk})
    proposal = Proposal.objects.get()
    assert proposal.title == HOSTILE
    page = body(client.get(url("detail", proposal)))
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- Writing in sections ----------------------------------------------------------------------

SECTIONS = ["problem", "people", "innovation", "pitch", "value", "funding", "evaluation"]
PAGES = ["edit", "proposal_priorities", "sponsors", "authors", "staff", "attachments", "submit"]


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_opens_for_its_authors_only(client, section):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    assert client.get(section_url(proposal, section)).status_code == 200
    client.force_login(person_with_role(Role.CLUSTER_LEAD, s.cluster))
    assert client.get(section_url(proposal, section)).status_code == 404
    client.force_login(outsider())
    assert client.get(section_url(proposal, section)).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_each_page_opens_for_its_authors_only(client, page):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    assert client.get(url(page, proposal)).status_code == 200
    client.force_login(outsider())
    assert client.get(url(page, proposal)).status_code == 404


def test_an_unknown_section_is_not_found(client):
    s = setting()
    client.force_login(s.author)
    assert client.get(f"{url('edit', draft(s))}nonsense/").status_code == 404


def save(client, proposal, section, **data):
    page = client.get(section_url(proposal, section))
    version = re.search(r'name="expected_version" value="(\d+)"', body(page)).group(1)
    return client.post(section_url(proposal, section), {"expected_version": version, **data})


def test_saving_a_section_keeps_hostile_text_as_text(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    response = save(
        client, proposal, "problem", title="Eye checks", problem=HOSTILE, evidence="Audit"
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.problem == HOSTILE
    page = body(client.get(url("detail", proposal)))
    assert HOSTILE not in page
    assert "&lt;script&gt;" in page


def test_a_too_long_answer_is_refused_and_what_was_typed_is_kept(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    response = save(client, proposal, "pitch", pitch_hook="word " * 300, pitch_ask="Fund it")
    page = body(response)
    assert response.status_code == 200
    assert "“Hook” must be 1,000 characters or fewer" in page
    assert "Fund it" in page
    proposal.refresh_from_db()
    assert proposal.pitch_ask == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"funding_amount": "lots"}, "Enter “Money needed” as an amount in pounds"),
        ({"funding_amount": "-5"}, "“Money needed” must be £0 or more"),
        ({"duration_months": "six"}, "Enter “Number of months” as a whole number"),
        ({"funding_source": "lottery"}, "Select one of the options listed"),
    ],
)
def test_wrong_kinds_of_answer_get_clear_messages(client, data, message):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    page = body(save(client, proposal, "funding", **data))
    assert message in page
    assert "There is a problem" in page
    for name, value in data.items():
        if name != "funding_source":  # a radio button cannot show a value it does not offer
            assert f'value="{value}"' in page


def test_a_radio_answer_must_be_one_of_the_choices(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    page = body(save(client, proposal, "innovation", innovation_type="magic"))
    assert "Select one of the options listed" in page


def test_the_second_of_two_people_editing_a_draft_is_refused(client):
    s = setting()
    proposal = draft(s)
    co_author = person_with_role(Role.PRACTITIONER, s.collaborative)
    accepted_co_author(proposal, co_author, invited_by=s.author)
    client.force_login(s.author)
    form = body(client.get(section_url(proposal, "problem")))
    version = re.search(r'name="expected_version" value="(\d+)"', form).group(1)
    services.proposal_update(
        actor=co_author, proposal=proposal, expected_version=int(version), problem="Theirs"
    )
    response = client.post(
        section_url(proposal, "problem"),
        {"expected_version": version, "title": proposal.title, "problem": "Mine"},
    )
    page = body(response)
    assert response.status_code == 200
    assert "Someone else changed this while you were editing it" in page
    assert "Mine" in page
    assert "Theirs" in page
    proposal.refresh_from_db()
    assert proposal.problem == "Theirs"


def test_an_nhs_number_is_warned_about_after_saving_but_not_refused(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    response = save(
        client, proposal, "problem", title=proposal.title, problem=f"Patient {NHS_NUMBER} waits"
    )
    page = body(client.get(response["Location"]))
    assert "This looks like an NHS number" in page
    assert "looks like it contains an NHS number" in page
    proposal.refresh_from_db()
    assert NHS_NUMBER in proposal.problem


def test_the_pitch_shows_its_word_count_and_read_aloud_time(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    save(client, proposal, "pitch", pitch_hook="one two three", pitch_ask="four five")
    assert "5 words – about 3 seconds to read aloud" in body(client.get(url("edit", proposal)))
    fragment = client.post(url("pitch_count"), {"pitch_hook": "one two", "pitch_ask": "three"})
    assert "3 words" in body(fragment)
    assert "<html" not in body(fragment)


def test_an_overlong_pitch_is_flagged_as_it_is_typed(client):
    s = setting()
    client.force_login(s.author)
    fragment = client.post(url("pitch_count"), {"pitch_hook": "word " * 300})
    assert "Aim for under 2 minutes" in body(fragment)


def test_the_evaluation_plan_saves_with_its_own_version(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    response = save(client, proposal, "evaluation", objectives="Fewer falls", approach="formative")
    assert response.status_code == 302
    plan = EvaluationPlan.objects.get(proposal=proposal)
    assert (plan.objectives, plan.approach) == ("Fewer falls", "formative")


def test_priorities_are_chosen_from_the_planning_groups_current_ones(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    page = body(client.get(url("proposal_priorities", proposal)))
    assert "Fewer falls" in page
    client.post(url("proposal_priorities", proposal), {"priorities": [s.priority.pk]})
    assert list(proposal.priority_links.values_list("priority_id", flat=True)) == [s.priority.pk]
    response = client.post(url("proposal_priorities", proposal), {"priorities": ["999999"]})
    assert "Select one of the options listed" in body(response)


def test_staff_time_lines_are_added_and_removed(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    client.post(url("staff", proposal), {"profession": "optometry", "hours": "20"})
    need = proposal.needs.get()
    assert need.hours == 20
    page = body(client.post(url("staff", proposal), {"profession": "optometry", "hours": "x"}))
    assert "Enter “Hours” as a whole number, like 20" in page
    client.post(url("need_remove", proposal, need_id=need.pk))
    assert not proposal.needs.exists()


def test_a_co_author_is_asked_by_email_and_becomes_one_only_by_accepting(client):
    s = setting()
    proposal = draft(s)
    colleague = person_with_role(Role.PRACTITIONER, s.collaborative, email="dai@example.org")
    client.force_login(s.author)
    client.post(url("authors", proposal), {"email": "DAI@example.org"})
    assert not proposal.authors.filter(person=colleague).exists()
    assert "dai@example.org" in body(client.get(url("authors", proposal)))

    client.force_login(colleague)
    page = body(client.get(reverse("proposals:co_author_invitations")))
    assert proposal.title in page
    invitation = proposal.co_author_invitations.get()
    answer = reverse(
        "proposals:co_author_invitation_answer", kwargs={"invitation_id": invitation.pk}
    )
    client.post(answer, {"answer": "accept"})
    assert proposal.authors.filter(person=colleague).exists()
    assert client.get(url("edit", proposal)).status_code == 200


def test_asking_an_address_says_nothing_about_whether_anyone_signs_in_with_it(client):
    s = setting()
    proposal = draft(s)
    person_with_role(Role.PRACTITIONER, s.collaborative, email="dai@example.org")
    client.force_login(s.author)

    def answer(email):
        response = client.post(url("authors", proposal), {"email": email}, follow=True)
        said = re.search(r"notification-banner__heading[^>]*>(.*?)<", body(response), re.S)
        return response.status_code, said.group(1).strip().replace(email, "EMAIL")

    known, unknown = answer("dai@example.org"), answer("nobody@example.org")
    assert known == unknown
    assert "co-author" in known[1]
    assert proposal.co_author_invitations.count() == 2


# --- Sponsors ---------------------------------------------------------------------------------


def test_a_sponsor_from_another_cluster_makes_it_cross_boundary_and_its_lead_confirms(client):
    s = setting()
    proposal = draft(s)
    other = CollaborativeFactory(parent=ClusterFactory(parent=s.planning_group))
    client.force_login(s.author)
    page = body(client.get(url("sponsors", proposal)))
    assert f'<optgroup label="{other.parent.name}">' in page
    client.post(url("sponsors", proposal), {"collaborative": other.pk})
    page = body(client.get(url("sponsors", proposal)))
    assert "Cross-boundary: several clusters" in page
    sponsor = ProposalSponsor.objects.get(proposal=proposal, collaborative=other)

    confirm = url("sponsor_confirm", proposal, sponsor_id=sponsor.pk)
    client.force_login(person_with_role(Role.PRACTITIONER, other))
    assert client.get(confirm).status_code == 404
    lead = person_with_role(Role.COLLABORATIVE_LEAD, other)
    client.force_login(lead)
    assert "Confirm sponsorship" in body(client.get(confirm))
    client.post(confirm)
    sponsor.refresh_from_db()
    assert sponsor.confirmed_by == lead


def test_a_sponsor_lead_is_asked_on_their_home_page(client):
    s = setting()
    proposal = draft(s)
    other = CollaborativeFactory(parent=s.cluster)
    services.sponsor_add(actor=s.author, proposal=proposal, collaborative=other)
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, other))
    page = body(client.get(reverse("home")))
    assert "Confirm that your collaborative sponsors" in page
    client.force_login(s.author)
    assert "Your draft proposals" in body(client.get(reverse("home")))


def test_the_navigation_offers_proposals_to_those_who_write_them(client):
    s = setting()
    client.force_login(s.author)
    assert f'href="{url("list")}"' in body(client.get(reverse("home")))
    client.force_login(s.chair)
    assert f'href="{url("list")}"' not in body(client.get(reverse("home")))


# --- Submitting, withdrawing, resubmitting ----------------------------------------------------


def test_submitting_without_an_evaluation_plan_says_so_and_loses_nothing(client):
    s = setting()
    open_intake(s)
    proposal = draft(s, **COMPLETE)
    services.proposal_priorities_set(actor=s.author, proposal=proposal, priorities=[s.priority])
    client.force_login(s.author)
    response = client.post(url("submit", proposal))
    page = body(response)
    assert "The proposal cannot be submitted yet" in page
    assert "Add an evaluation plan" in page
    assert f'href="{section_url(proposal, "evaluation")}' in page
    proposal.refresh_from_db()
    assert proposal.status == Status.DRAFT
    assert proposal.problem == COMPLETE["problem"]


def test_a_complete_draft_is_submitted_and_screened(client):
    s = setting()
    open_intake(s)
    proposal = complete_draft(s)
    client.force_login(s.author)
    response = client.post(url("submit", proposal))
    assert response["Location"] == url("detail", proposal)
    page = body(client.get(response["Location"]))
    assert "Your proposal has been submitted" in page
    assert "Automatic completeness checks" in page
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW
    assert client.get(section_url(proposal, "problem")).status_code == 302


def test_withdrawing_needs_a_reason(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    assert "Say why you are withdrawing" in body(client.post(url("withdraw", proposal)))
    client.post(url("withdraw", proposal), {"reason": HOSTILE})
    proposal.refresh_from_db()
    assert proposal.status == Status.WITHDRAWN
    page = body(client.get(url("detail", proposal)))
    assert "&lt;script&gt;" in page
    assert client.get(url("withdraw", proposal)).status_code == 404


def test_authors_answer_a_request_for_more_information_and_see_the_decision(client):
    s = setting()
    open_intake(s)
    proposal = services.proposal_submit(actor=s.author, proposal=complete_draft(s))
    reviewer = s.reviewers[0]
    assignment = services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=reviewer)
    services.conflict_declare(actor=reviewer, assignment=assignment, has_conflict=False)
    services.review_note_add(actor=reviewer, assignment=assignment, text="Private thought")
    services.proposal_request_information(
        actor=s.chair, proposal=proposal, request="Tell us the cost per clinic"
    )
    client.force_login(s.author)
    page = body(client.get(url("detail", proposal)))
    assert "Tell us the cost per clinic" in page
    assert "Private thought" not in page
    assert "Tell us the cost per clinic" in body(client.get(url("resubmit", proposal)))
    assert "Say what you have changed" in body(client.post(url("resubmit", proposal)))
    client.post(url("resubmit", proposal), {"response": "£900 a clinic"})
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW


def test_a_published_decision_is_visible_across_wales_with_its_reasons(client):
    s = setting()
    open_intake(s)
    proposal = services.proposal_submit(actor=s.author, proposal=complete_draft(s))
    services.decision_record(
        actor=s.chair,
        proposal=proposal,
        outcome=Outcome.APPROVED_WITH_CONDITIONS,
        rationale="Strong evidence",
        conditions="Report after three months",
    )
    client.force_login(outsider())
    page = body(client.get(url("detail", proposal)))
    assert "Report after three months" in page
    assert "Continue writing" not in page


# --- Attachments ------------------------------------------------------------------------------


def upload(client, proposal, name, content):
    return client.post(url("attachments", proposal), {"file": SimpleUploadedFile(name, content)})


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_an_attachment_is_uploaded_and_downloaded_only_by_those_who_may_see_it(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    assert upload(client, proposal, "audit.pdf", PDF).status_code == 302
    attachment = ProposalAttachment.objects.get()
    assert attachment.original_name == "audit.pdf"
    assert "audit" not in attachment.file.name
    download = url("attachment_download", proposal, attachment_id=attachment.pk)
    response = client.get(download)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.filter(action="downloaded", object_id=str(attachment.pk)).exists()
    assert "Downloaded" in body(client.get(url("history", proposal)))
    client.force_login(outsider())
    assert client.get(download).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "must be a PDF, DOCX, XLSX"),
        ("report.pdf", b"MZ\x90\x00 not really a pdf", "must be a PDF, DOCX, XLSX"),
        ("page.png", b"<html><script>alert(1)</script>", "must be a PDF, DOCX, XLSX"),
        ("sheet.xlsx", docx(), "must be a PDF, DOCX, XLSX"),
        ("big.pdf", PDF + b"0" * (5 * 1024 * 1024), "smaller than 5 MB"),
        ("empty.txt", b"", "The selected file is empty"),
    ],
)
def test_wrong_or_too_big_files_are_refused(client, name, content, message):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    page = body(upload(client, proposal, name, content))
    assert message in page
    assert not ProposalAttachment.objects.exists()


def test_office_and_text_files_are_accepted(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    upload(client, proposal, "plan.docx", docx())
    upload(client, proposal, "notes.txt", "Cyfarfod – nodiadau".encode())
    assert sorted(proposal.attachments.values_list("original_name", flat=True)) == [
        "notes.txt",
        "plan.docx",
    ]


# --- Detail, similar work, PDF, history -------------------------------------------------------


def test_similar_work_from_elsewhere_in_wales_is_pointed_out(client):
    s = setting()
    proposal = draft(s, title="Falls prevention clinic", problem="Frail people fall at home")
    other = setting()
    open_intake(other)
    elsewhere = services.proposal_submit(
        actor=other.author, proposal=complete_draft(other, problem="Frail people fall often")
    )
    Proposal.objects.filter(pk=elsewhere.pk).update(title="Falls clinic in the community")
    services.decision_record(
        actor=other.chair, proposal=elsewhere, outcome=Outcome.APPROVED, rationale="Good"
    )
    client.force_login(s.author)
    fragment = body(client.get(url("similar", proposal), HTTP_HX_REQUEST="true"))
    assert "Falls clinic in the community" in fragment
    assert "<html" not in fragment
    assert "Falls clinic in the community" in body(client.get(url("similar", proposal)))


def test_the_pitch_pack_is_a_pdf(client):
    s = setting()
    proposal = complete_draft(s)
    client.force_login(s.author)
    response = client.get(url("pitch_pack", proposal))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content.startswith(b"%PDF")


def test_the_pitch_pack_fits_on_two_pages_even_with_the_longest_answers():
    s = setting()
    longest = {name: "word " * 200 for name in COMPLETE if name.startswith(("pitch", "value"))}
    proposal = complete_draft(s, problem="word " * 1000, evidence="word " * 1000, **longest)
    html = render_to_string(
        "proposals/pitch_pack.html",
        {"proposal": proposal, "details": selectors.proposal_details(proposal=proposal)},
    )
    stylesheet = CSS(filename=finders.find(PRINT_STYLESHEET))
    assert len(HTML(string=html).render(stylesheets=[stylesheet]).pages) <= 2


def test_the_history_lists_changes(client):
    s = setting()
    proposal = complete_draft(s)
    client.force_login(s.author)
    page = body(client.get(url("history", proposal)))
    assert "Objectives" in page


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_list_and_detail_pages_make_as_many_queries_with_more_proposals(client):
    s = setting()
    open_intake(s)
    first = complete_draft(s)
    client.force_login(s.author)
    few = (queries(client, url("list")), queries(client, url("detail", first)))
    for number in range(6):
        proposal = complete_draft(s, title=f"Idea {number}")
        other = CollaborativeFactory(parent=s.cluster)
        services.sponsor_add(actor=s.author, proposal=proposal, collaborative=other)
        services.need_add(actor=s.author, proposal=first, profession="optometry", hours=number + 1)
        services.sponsor_add(actor=s.author, proposal=first, collaborative=other)
    many = (queries(client, url("list")), queries(client, url("detail", first)))
    assert many == few


def test_a_closed_intake_is_explained_on_the_task_list(client):
    s = setting()
    proposal = complete_draft(s)
    client.force_login(s.author)
    page = body(client.get(url("edit", proposal)))
    assert "not accepting proposals at the moment" in page
    assert timezone.now() - timedelta(days=1) < proposal.created_at


@pytest.mark.parametrize("page", ["list", "edit", "section", "detail", "submit", "sponsors"])
def test_the_pages_are_in_welsh_for_welsh_readers(client, page):
    s = setting()
    proposal = complete_draft(s)
    client.force_login(s.author)
    if page == "list":
        address = url("list")
    elif page == "section":
        address = section_url(proposal, "pitch")
    else:
        address = url(page, proposal)
    response = client.get("/cy/" + address.removeprefix("/en/"))
    assert response.status_code == 200
    assert 'lang="cy"' in body(response)
    assert "Cynigion" in body(response) or "cynnig" in body(response)


def test_the_chair_and_a_reviewer_find_their_review_pages_from_the_proposal(client):
    s = setting()
    open_intake(s)
    proposal = services.proposal_submit(actor=s.author, proposal=complete_draft(s))
    assignment = services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=s.reviewers[0])
    client.force_login(s.chair)
    page = body(client.get(url("detail", proposal)))
    assert url("decision", proposal) in page
    assert url("review_summary", proposal) in page
    client.force_login(s.reviewers[0])
    page = body(client.get(url("detail", proposal)))
    assert reverse("proposals:review", kwargs={"assignment_id": assignment.pk}) in page
    assert url("decision", proposal) not in page
    client.force_login(s.author)
    assert url("review_summary", proposal) not in body(client.get(url("detail", proposal)))


def test_a_hostile_file_name_is_shown_as_text_and_never_used_for_storage(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    upload(client, proposal, '../../<script>alert(1)</script>".pdf', PDF)
    attachment = proposal.attachments.get()
    assert "/" not in attachment.original_name and '"' not in attachment.original_name
    assert attachment.file.name.startswith("proposals/attachments/")
    page = body(client.get(url("attachments", proposal)))
    assert "<script>alert(1)" not in page


def test_the_lead_collaborative_cannot_stop_sponsoring_its_own_proposal(client):
    s = setting()
    proposal = draft(s)
    lead_sponsor = proposal.sponsors.get()
    client.force_login(s.author)
    response = client.post(url("sponsor_remove", proposal, sponsor_id=lead_sponsor.pk))
    page = body(client.get(response["Location"]))
    assert "The lead collaborative always sponsors its own proposal" in page
    assert proposal.sponsors.filter(pk=lead_sponsor.pk).exists()


def test_two_people_editing_the_evaluation_plan_the_second_is_refused(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    form = body(client.get(section_url(proposal, "evaluation")))
    version = re.search(r'name="expected_version" value="(\d+)"', form).group(1)
    services.evaluation_plan_update(
        actor=s.author, proposal=proposal, expected_version=int(version), objectives="Theirs"
    )
    page = body(
        client.post(
            section_url(proposal, "evaluation"),
            {"expected_version": version, "objectives": "Mine"},
        )
    )
    assert "Someone else changed this while you were editing it" in page
    assert EvaluationPlan.objects.get(proposal=proposal).objectives == "Theirs"


def test_the_pitch_page_updates_its_count_as_it_is_typed(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    page = body(client.get(section_url(proposal, "pitch")))
    assert f'hx-post="{url("pitch_count")}"' in page
    assert 'aria-live="polite"' in page


def test_a_page_out_of_date_is_refused_with_a_clear_message(client):
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    page = body(client.post(section_url(proposal, "problem"), {"title": "New title"}))
    assert "This page was out of date" in page
    assert 'value="New title"' in page


def test_the_list_pages_through_many_proposals(client, monkeypatch):
    monkeypatch.setattr("arloesi.proposals.selectors.writing.listing.PAGE_SIZE", 3)
    s = setting()
    for number in range(4):
        draft(s, title=f"Idea {number}")
    client.force_login(s.author)
    first = body(client.get(url("list")))
    assert "Idea 3" in first and "Idea 0" not in first
    assert "?page=2" in first
    second = body(client.get(url("list") + "?page=2"))
    assert "Idea 0" in second and "Idea 3" not in second
    assert "?page=1" in second
    assert client.get(url("list") + "?page=9")["Location"] == url("list")
    assert "Idea 3" in body(client.get(url("list") + "?page=nonsense"))


def test_a_sponsor_anywhere_in_wales_is_found_by_a_search(client):
    s = setting()
    proposal = draft(s)
    far = CollaborativeFactory(name_en="Ynys Môn Optometry Collaborative")
    client.force_login(s.author)
    nearby = body(client.get(url("sponsors", proposal)))
    assert far.name_en not in nearby
    found = body(client.get(url("sponsors", proposal) + "?q=ynys"))
    assert far.name_en in found
    client.post(url("sponsors", proposal), {"q": "ynys", "collaborative": str(far.pk)})
    assert proposal.sponsors.filter(collaborative=far).exists()
