"""A project's driver diagram: approving a proposal gives the project its own copy of the diagram
the planning group approved (the team changes theirs as the work teaches them; the proposal's
stays as it was approved). Its team — the proposal's authors, led by its lead author — and the
project's leads change it; those who follow the project see it; nobody else does."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from arloesi.core.models import AuditEvent
from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams import services as diagram_services
from arloesi.diagrams.tests.factories import (
    CARE_HOMES,
    approved,
    boxes,
    lines,
    practitioner,
    proposal_with_diagram,
)
from arloesi.diagrams.vocabulary import Kind
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)
from arloesi.projects.models import ProjectTeamMember
from arloesi.proposals.tests.factories import accepted_co_author, complete_draft, setting

pytestmark = pytest.mark.django_db

SMART = {"what": "Avoidable A&E attendances", "by_when": "2028-03-31", "target": "20% fewer"}


def may(user, d) -> tuple[bool, bool]:
    found = diagrams.diagram_access(user=user, diagram=d)
    return found.may_view, found.may_edit


@pytest.fixture
def s():
    return setting()


@pytest.fixture
def started(s):
    """A proposal with a diagram and a co-author, approved: (proposal's diagram, project's
    diagram, project, co-author)."""
    proposal, theirs = proposal_with_diagram(s, {**CARE_HOMES, "smart_aim": SMART})
    co_author = PersonFactory()
    accepted_co_author(proposal, co_author)
    project = approved(s, proposal)
    ours = diagrams.diagram_of(kind="project", owner_id=project.pk)
    return theirs, ours, project, co_author


def test_approving_a_proposal_gives_its_project_a_copy_of_the_diagram(s, started):
    theirs, ours, project, _co_author = started
    assert ours is not None and ours.pk != theirs.pk
    assert (ours.owner_kind, ours.owner_id) == ("project", project.pk)
    assert ours.title == theirs.title
    assert set(boxes(ours)) == set(boxes(theirs))
    assert lines(ours) == lines(theirs)
    assert (ours.aim_what, str(ours.aim_by_when), ours.aim_target) == (
        "Avoidable A&E attendances",
        "2028-03-31",
        "20% fewer",
    )
    assert ours.drawing_revision == ours.revision
    # The chair's approval made it, and the history says so.
    made = AuditEvent.objects.get(
        action=AuditEvent.Action.CREATED, content_type__model="diagram", object_id=str(ours.pk)
    )
    assert made.actor == s.chair


def test_the_projects_copy_changes_without_changing_the_proposals(s, started):
    theirs, ours, _project, _co_author = started
    diagram_services.node_add(actor=s.author, diagram=ours, kind=Kind.PRIMARY, text="Learnt")
    mdt = boxes(ours)["Weekly MDT ward round"]
    diagram_services.node_delete(actor=s.author, diagram=ours, node_id=mdt.pk)
    assert "Learnt" in boxes(ours)
    assert "Learnt" not in boxes(theirs)
    assert "Weekly MDT ward round" in boxes(theirs)
    assert lines(theirs) != lines(ours)


def test_the_proposals_authors_are_the_projects_team_led_by_its_lead_author(s, started):
    _theirs, _ours, project, co_author = started
    team = {m.person: m.is_lead for m in ProjectTeamMember.objects.filter(project=project)}
    assert team == {s.author: True, co_author: False}


def test_the_team_and_the_projects_leads_change_it_its_followers_see_it(s, started):
    theirs, ours, _project, co_author = started
    collaborative_lead = person_with_role(Role.COLLABORATIVE_LEAD, s.collaborative)
    cluster_lead = person_with_role(Role.CLUSTER_LEAD, s.cluster)
    for person in (s.author, co_author, collaborative_lead, cluster_lead):
        assert may(person, ours) == (True, True), person
    neighbour = practitioner(CollaborativeFactory(parent=s.cluster))
    planning_group_member = s.reviewers[0]
    for person in (neighbour, planning_group_member, s.chair):
        assert may(person, ours) == (True, False), person
        with pytest.raises(PermissionDenied):
            diagram_services.node_add(actor=person, diagram=ours, kind=Kind.PRIMARY, text="No")
    # The proposal's diagram is the record of what was approved: nobody changes it now.
    assert may(s.author, theirs) == (True, False)


def test_someone_in_another_cluster_sees_the_approved_proposal_but_not_the_project(
    client, s, started
):
    theirs, ours, _project, _co_author = started
    elsewhere = practitioner()
    assert may(elsewhere, theirs) == (True, False)
    assert may(elsewhere, ours) == (False, False)
    client.force_login(elsewhere)
    assert client.get(reverse("diagrams:detail", args=[theirs.pk])).status_code == 200
    for name, kwargs in (("detail", {}), ("history", {}), ("aim", {})):
        address = reverse(f"diagrams:{name}", kwargs={"diagram_id": ours.pk, **kwargs})
        assert client.get(address).status_code == 404, name
    assert client.get(reverse("diagrams:export", args=[ours.pk, "json"])).status_code == 404
    response = client.post(
        reverse("diagrams:node_add", args=[ours.pk, "primary"]),
        {"revision": ours.revision, "primary-text": "Sneaked in"},
    )
    assert response.status_code == 404


def test_the_proposal_page_links_the_team_to_the_projects_diagram(client, s, started):
    theirs, ours, project, _co_author = started
    proposal_page = reverse("proposals:detail", args=[project.proposal_id])
    client.force_login(s.author)
    page = client.get(proposal_page).content.decode()
    assert reverse("diagrams:detail", args=[ours.pk]) in page
    assert reverse("diagrams:detail", args=[theirs.pk]) in page
    client.force_login(practitioner())
    page = client.get(proposal_page).content.decode()
    assert reverse("diagrams:detail", args=[theirs.pk]) in page
    assert reverse("diagrams:detail", args=[ours.pk]) not in page


def test_the_team_edits_the_projects_diagram_on_its_page(client, s, started):
    _theirs, ours, project, co_author = started
    client.force_login(co_author)
    page = client.get(reverse("diagrams:detail", args=[ours.pk])).content.decode()
    assert project.title in page
    assert "Add a primary driver" in page
    response = client.post(
        reverse("diagrams:node_add", args=[ours.pk, "primary"]),
        {"revision": ours.revision, "primary-text": "Weekend cover"},
        follow=True,
    )
    assert "Added “Weekend cover”." in response.content.decode()
    assert "Weekend cover" in boxes(ours)


def test_a_project_whose_proposal_had_no_diagram_starts_without_one(s):
    project = approved(s, complete_draft(s))
    assert diagrams.diagram_of(kind="project", owner_id=project.pk) is None
    # Its team may start one.
    d = diagram_services.diagram_start(
        actor=s.author,
        owner_kind="project",
        owner_id=project.pk,
        title="",
        source=diagram_services.blank(title="", aim="Fewer falls by 2028"),
    )
    assert may(s.author, d) == (True, True)
