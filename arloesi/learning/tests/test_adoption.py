"""Another cluster adopts or adapts a published innovation: a draft proposal in its collaborative
with the original's driver diagram, change ideas and measures (not their data), which says where
it came from; the record shows where it has spread and the results side by side."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.learning import selectors, services
from arloesi.learning.models import Adoption
from arloesi.learning.tests.factories import draft_record, published_record
from arloesi.learning.vocabulary import AdoptionKind
from arloesi.measures.models import DataPoint, Measure
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role

pytestmark = pytest.mark.django_db


def _adopter():
    collaborative = CollaborativeFactory()
    return collaborative, person_with_role(Role.PRACTITIONER, collaborative)


def test_adapting_copies_the_diagram_and_the_measures_definitions():
    written = published_record()
    collaborative, adopter = _adopter()
    with pytest.raises(ValidationError):
        services.adoption_start(
            actor=adopter,
            record=written.record,
            kind=AdoptionKind.ADAPT,
            collaborative=collaborative,
            title="Falls checks here",
        )
    adoption = services.adoption_start(
        actor=adopter,
        record=written.record,
        kind=AdoptionKind.ADAPT,
        collaborative=collaborative,
        title="Falls checks here",
        changes="Community pharmacists instead of practice pharmacists",
    )
    assert adoption.cluster == collaborative.parent
    assert adoption.proposal.lead_collaborative == collaborative
    original = diagrams.content_of(
        diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=written.project.pk)
    )
    copy = diagrams.content_of(
        diagrams.diagram_of(kind=OwnerKind.PROPOSAL, owner_id=adoption.proposal.pk)
    )
    assert [n.text for n in copy.of_kind(Kind.CHANGE_IDEA)] == [
        n.text for n in original.of_kind(Kind.CHANGE_IDEA)
    ]
    copied = Measure.objects.get(node__diagram=copy.diagram)
    assert copied.name == written.measured.measure.name
    assert copied.node.text == written.measured.measure.node.text
    assert not DataPoint.objects.filter(measure=copied).exists()


def test_a_draft_record_cannot_be_adopted():
    written = draft_record()
    collaborative, adopter = _adopter()
    with pytest.raises(ValidationError):
        services.adoption_start(
            actor=adopter,
            record=written.record,
            kind=AdoptionKind.ADOPT,
            collaborative=collaborative,
            title="Too soon",
        )


def test_the_pages_adopt_show_the_origin_the_spread_and_the_comparison(client):
    written = published_record()
    collaborative, adopter = _adopter()
    client.force_login(adopter)
    record_url = reverse("learning:record", kwargs={"record_id": written.record.pk})
    assert "Adopt or adapt this innovation" in client.get(record_url).content.decode()
    adopt = reverse("learning:adopt", kwargs={"record_id": written.record.pk})
    assert client.get(adopt).status_code == 200
    response = client.post(
        adopt,
        {"kind": "adopt", "collaborative": str(collaborative.pk), "title": "Falls checks here"},
    )
    assert response.status_code == 302
    adoption = Adoption.objects.get(record=written.record)
    proposal = client.get(response["Location"]).content.decode()
    assert "Adopted from the learning record" in proposal and record_url in proposal
    client.force_login(written.lead)
    spread = selectors.spread_of(written.record)
    assert [row.adoption for row in spread] == [adoption]
    assert collaborative.parent.name in client.get(record_url).content.decode()
    compare = client.get(
        reverse("learning:adoption_compare", kwargs={"record_id": written.record.pk})
    )
    body = compare.content.decode()
    assert compare.status_code == 200 and written.measured.measure.name in body


def test_someone_elsewhere_reads_the_record_but_not_the_project_behind_it(client):
    written = published_record()
    _collaborative, adopter = _adopter()
    client.force_login(adopter)
    record = {"record_id": written.record.pk}
    page = client.get(reverse("learning:record", kwargs=record)).content.decode()
    assert "Falls checks in care homes" in page
    assert written.project.title not in page
    compare = client.get(reverse("learning:adoption_compare", kwargs=record)).content.decode()
    assert written.project.title not in compare
    assert written.measured.measure.name in compare
