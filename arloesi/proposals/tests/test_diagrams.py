"""A proposal's driver diagram, as its authors, their colleagues and the planning group meet it:
everyone who may see the proposal sees its diagram; its authors change it while they may change
the proposal (a draft, or when more information is asked for), and not once it is submitted."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import escape

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams import services as diagram_services
from arloesi.diagrams.models import Diagram
from arloesi.diagrams.tests.factories import (
    CARE_HOMES,
    boxes,
    fresh,
    practitioner,
    proposal_with_diagram,
    submitted,
)
from arloesi.diagrams.vocabulary import Kind
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import PersonFactory, person_with_role
from arloesi.proposals import services
from arloesi.proposals.tests.factories import accepted_co_author, draft, setting

pytestmark = pytest.mark.django_db


def access(user, d):
    return diagrams.diagram_access(user=user, diagram=d)


def may(user, d) -> tuple[bool, bool]:
    found = access(user, d)
    return found.may_view, found.may_edit


def add_box(actor, d, text="Families involved"):
    return diagram_services.node_add(actor=actor, diagram=d, kind=Kind.PRIMARY, text=text)


@pytest.fixture
def s():
    return setting()


def test_an_author_starts_their_drafts_diagram_from_the_proposal_page(client, s):
    proposal = draft(s, title="Care home admissions")
    client.force_login(s.author)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    start = reverse("diagrams:start") + f"?owner=proposal:{proposal.pk}"
    assert start in page
    assert "Care home admissions" in client.get(start).content.decode()
    response = client.post(start, {"source": "blank", "title": "", "aim": "20% fewer by 2028"})
    d = Diagram.objects.get()
    assert response["Location"] == reverse("diagrams:detail", args=[d.pk])
    assert (d.owner_kind, d.owner_id, d.title) == ("proposal", proposal.pk, "Care home admissions")
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "Open the driver diagram: Care home admissions" in page
    diagram_page = client.get(reverse("diagrams:detail", args=[d.pk])).content.decode()
    assert reverse("proposals:detail", args=[proposal.pk]) in diagram_page


def test_a_proposal_has_one_diagram(client, s):
    proposal, d = proposal_with_diagram(s)
    with pytest.raises(ValidationError):
        diagram_services.diagram_start(
            actor=s.author,
            owner_kind="proposal",
            owner_id=proposal.pk,
            title="Another",
            source=diagram_services.blank(title="Another", aim="Another aim"),
        )
    client.force_login(s.author)
    response = client.get(reverse("diagrams:start"), {"owner": f"proposal:{proposal.pk}"})
    assert response["Location"] == reverse("diagrams:detail", args=[d.pk])


def test_the_authors_change_a_drafts_diagram_and_their_colleagues_see_it(s):
    proposal, d = proposal_with_diagram(s)
    co_author = PersonFactory()
    accepted_co_author(proposal, co_author)
    assert may(s.author, d) == (True, True)
    assert may(co_author, d) == (True, True)
    add_box(co_author, d)
    assert "Families involved" in boxes(d)
    colleague = practitioner(s.collaborative)
    cluster_lead = person_with_role(Role.CLUSTER_LEAD, s.cluster)
    for reader in (colleague, cluster_lead):
        assert may(reader, d) == (True, False)
        with pytest.raises(PermissionDenied):
            add_box(reader, d, "Not theirs to add")


def test_nobody_outside_sees_a_drafts_diagram(client, s):
    proposal, d = proposal_with_diagram(s)
    outsider = practitioner()
    assert may(outsider, d) == (False, False)
    assert may(s.chair, d) == (False, False)
    client.force_login(outsider)
    assert client.get(reverse("diagrams:detail", args=[d.pk])).status_code == 404
    assert client.get(reverse("diagrams:export", args=[d.pk, "pdf"])).status_code == 404
    response = client.get(reverse("diagrams:start"), {"owner": f"proposal:{proposal.pk}"})
    assert response.status_code == 404


def test_a_colleague_cannot_start_a_diagram_for_someone_elses_draft(client, s):
    proposal = draft(s)
    client.force_login(practitioner(s.collaborative))
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "Start a driver diagram" not in page
    assert "This proposal has no driver diagram." in page
    response = client.get(reverse("diagrams:start"), {"owner": f"proposal:{proposal.pk}"})
    assert response.status_code == 404


def test_once_submitted_the_diagram_is_seen_by_the_planning_group_and_changed_by_nobody(client, s):
    proposal, d = proposal_with_diagram(s)
    submitted(s, proposal)
    assert may(s.author, d) == (True, False)
    assert may(s.chair, d) == (True, False)
    assert may(s.reviewers[0], d) == (True, False)
    with pytest.raises(PermissionDenied):
        add_box(s.author, d)
    client.force_login(s.author)
    page = client.get(reverse("diagrams:detail", args=[d.pk])).content.decode()
    assert "Weekly MDT ward round" in page
    assert "Add a primary driver" not in page
    response = client.post(
        reverse("diagrams:node_add", args=[d.pk, "primary"]),
        {"revision": d.revision, "primary-text": "Too late"},
        follow=True,
    )
    assert "This diagram cannot be changed here." in response.content.decode()
    assert "Too late" not in boxes(d)


def test_when_more_information_is_asked_for_the_authors_change_it_again(s):
    proposal, d = proposal_with_diagram(s)
    proposal = submitted(s, proposal)
    services.proposal_request_information(
        actor=s.chair, proposal=proposal, request="Say which care homes take part"
    )
    assert may(s.author, d) == (True, True)
    add_box(s.author, d, "Care homes named")
    assert "Care homes named" in boxes(d)


def test_the_list_shows_a_proposals_diagram_with_its_proposal(client, s):
    proposal, d = proposal_with_diagram(s)
    client.force_login(practitioner(s.collaborative))
    page = client.get(reverse("diagrams:list")).content.decode()
    assert escape(CARE_HOMES["title"]) in page
    assert reverse("proposals:detail", args=[proposal.pk]) in page
    client.force_login(practitioner())
    assert escape(CARE_HOMES["title"]) not in client.get(reverse("diagrams:list")).content.decode()


def test_a_withdrawn_proposals_diagram_can_no_longer_be_changed(s):
    proposal, d = proposal_with_diagram(s)
    services.proposal_withdraw(actor=s.author, proposal=proposal, reason="Merged with another")
    assert may(s.author, fresh(d)) == (True, False)
