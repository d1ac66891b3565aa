"""The resources library: read by anyone, kept by the national team, linked from the screens
where it helps (``core.guidance``)."""

import pytest
from django.urls import reverse

from arloesi.core import guidance
from arloesi.learning import services
from arloesi.learning.models import Resource
from arloesi.organisations.models import OrganisationUnit
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.tests.factories import PersonFactory, person_with_role

pytestmark = pytest.mark.django_db


def _national_team():
    return person_with_role(Role.NATIONAL_TEAM, OrganisationUnit.objects.get(kind=Kind.WALES))


def test_the_library_is_seeded_bilingual_and_read_without_signing_in(client):
    assert Resource.objects.filter(topic="pitching").exists()
    assert all(r.title_cy and r.summary_cy for r in Resource.objects.all())
    body = client.get(reverse("learning:resources")).content.decode()
    assert "Crafting an elevator pitch" in body
    welsh = client.get("/cy/learning/resources/").content.decode()
    assert "Llunio cyflwyniad byr" in welsh


def test_the_national_team_adds_reorders_and_takes_out_resources(client):
    team = _national_team()
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied for anyone else
        services.resource_create(actor=PersonFactory(), topic="pitching", title_en="x")
    client.force_login(team)
    response = client.post(
        reverse("learning:resource_add"),
        {
            "topic": "pitching",
            "title_en": "Pitching to a planning group",
            "title_cy": "Cyflwyno i grŵp cynllunio",
            "summary_en": "What the chair listens for.",
            "summary_cy": "Yr hyn y mae’r cadeirydd yn gwrando amdano.",
            "url": "",
        },
    )
    assert response.status_code == 302
    added = Resource.objects.get(title_en="Pitching to a planning group")
    first = Resource.objects.filter(topic="pitching").order_by("position").first()
    client.post(
        reverse("learning:resource_move", kwargs={"resource_id": added.pk}), {"direction": "up"}
    )
    assert Resource.objects.filter(topic="pitching").order_by("position").first() == added
    assert first != added
    client.post(
        reverse("learning:resource_publish", kwargs={"resource_id": added.pk}), {"published": "no"}
    )
    added.refresh_from_db()
    assert not added.is_published
    assert "Pitching to a planning group" not in [
        g.title for g in guidance.resources_for("pitching")
    ]


def test_someone_else_cannot_open_the_editor(client):
    client.force_login(PersonFactory())
    assert client.get(reverse("learning:resource_add")).status_code == 404


def test_screens_show_guidance_from_the_library():
    titles = [item.title for item in guidance.resources_for("diagrams")]
    assert "Driver diagrams to support cluster innovation" in titles
    assert guidance.resources_for("no such topic") == []


def test_the_pitch_the_diagram_and_the_measures_pages_link_to_their_guidance(client):
    from arloesi.diagrams.vocabulary import OwnerKind
    from arloesi.measures.tests.factories import measured_project, project_diagram
    from arloesi.proposals.tests.factories import draft, setting

    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    pitch = client.get(
        reverse("proposals:section", kwargs={"proposal_id": proposal.pk, "section": "pitch"})
    ).content.decode()
    assert "Guidance" in pitch and "Crafting an elevator pitch" in pitch
    measured = measured_project()
    client.force_login(measured.lead)
    diagram = project_diagram(measured.project)
    assert diagram.owner_kind == OwnerKind.PROJECT
    page = client.get(reverse("diagrams:detail", kwargs={"diagram_id": diagram.pk}))
    assert "Driver diagrams to support cluster innovation" in page.content.decode()
    measures = client.get(
        reverse("measures:list", kwargs={"project_id": measured.project.pk})
    ).content.decode()
    assert "Measuring improvement" in measures
