"""Learning records: the team writes one when its project closes (or after a ramp), sends it to
the cluster lead, who publishes it to all of Wales or returns it with a reason; it is readable
without signing in only once published with its title and summary in Welsh and English."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from arloesi.core.models import Snapshot
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.learning import selectors, services
from arloesi.learning.models import RecordStatusChange, RecordTag
from arloesi.learning.tests.factories import (
    complete_values,
    draft_record,
    published_record,
)
from arloesi.learning.vocabulary import RecordStatus
from arloesi.measures.models import DataPoint
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)
from arloesi.projects.tests.factories import started_project

pytestmark = pytest.mark.django_db


def test_a_record_waits_for_the_project_to_close_or_for_a_ramp():
    started = started_project()
    with pytest.raises(ValidationError):
        services.record_create(actor=started.lead, project=started.project)


def test_someone_outside_the_team_cannot_start_a_record():
    written = draft_record()
    with pytest.raises(PermissionDenied):
        services.record_create(actor=PersonFactory(), project=written.project)


def test_the_team_writes_submits_and_the_cluster_lead_publishes():
    written = draft_record()
    record = written.record
    assert set(RecordTag.objects.filter(record=record).values_list("kind", "value")) == {
        ("priority", "older_people")
    }
    assert list(record.measures.all()) == [written.measured.measure]
    record = services.record_submit(actor=written.lead, record=record)
    assert record.status == RecordStatus.SUBMITTED
    # Not the team's to approve.
    with pytest.raises(PermissionDenied):
        services.record_approve(actor=written.lead, record=record)
    record = services.record_approve(actor=written.cluster_lead, record=record)
    record.refresh_from_db()
    assert record.status == RecordStatus.PUBLISHED and record.published_at
    # English only: published to Wales, not to the public.
    assert not record.is_public
    steps = list(
        RecordStatusChange.objects.filter(record=record).values_list("to_status", flat=True)
    )
    assert steps == [RecordStatus.SUBMITTED, RecordStatus.PUBLISHED]


def test_an_incomplete_draft_is_not_submitted():
    written = draft_record(worked="", recommendations="")
    with pytest.raises(ValidationError) as refused:
        services.record_submit(actor=written.lead, record=written.record)
    assert set(refused.value.message_dict) == {"worked", "recommendations"}


def test_the_cluster_lead_returns_it_with_a_reason():
    written = draft_record()
    record = services.record_submit(actor=written.lead, record=written.record)
    with pytest.raises(ValidationError):
        services.record_return(actor=written.cluster_lead, record=record, reason=" ")
    record = services.record_return(
        actor=written.cluster_lead, record=record, reason="Add the costs"
    )
    assert record.status == RecordStatus.DRAFT
    page = selectors.record_page(user=written.lead, record_id=record.pk)
    assert page.returned_reason == "Add the costs"


def test_a_translation_added_after_publishing_makes_it_public():
    written = published_record()
    record = written.record
    assert not record.is_public
    # Once published only the title and summary change.
    with pytest.raises(TransitionNotAllowedError):
        services.record_update(
            actor=written.lead, record=record, expected_version=record.version, tried="More"
        )
    record = services.record_update(
        actor=written.lead,
        record=record,
        expected_version=record.version,
        title_cy="Gwirio cwympiadau mewn cartrefi gofal",
        summary_cy="Roedd fferyllwyr yn gwirio meddyginiaethau ar ôl pob cwymp.",
    )
    assert record.is_public
    record = services.record_withdraw(actor=written.lead, record=record, reason="Out of date")
    assert record.status == RecordStatus.WITHDRAWN and not record.is_public


def test_who_reads_a_record():
    written = draft_record()
    record = written.record
    elsewhere = person_with_role(Role.PRACTITIONER, CollaborativeFactory())
    # A draft: its team and its cluster lead, nobody else.
    assert selectors.record_get_for_user(user=written.lead, record_id=record.pk)
    assert selectors.record_get_for_user(user=written.cluster_lead, record_id=record.pk)
    with pytest.raises(Http404):
        selectors.record_get_for_user(user=elsewhere, record_id=record.pk)
    record = services.record_submit(actor=written.lead, record=record)
    services.record_approve(actor=written.cluster_lead, record=record)
    # Published: everyone signed in, in any cluster of Wales.
    _record, access = selectors.record_get_for_user(user=elsewhere, record_id=record.pk)
    assert access.may_view and not access.may_write and not access.may_approve


def test_the_reader_sees_the_title_in_their_language_where_there_is_one():
    written = published_record(title_cy="Gwirio cwympiadau", summary_cy="")
    with translation.override("cy"):
        shown = selectors.shown(written.record)
    assert shown.title == "Gwirio cwympiadau" and not shown.other_language
    # No Welsh summary: the English one, said to be in the other language only for the title.
    assert shown.summary.startswith("Pharmacists")


def test_the_record_page_for_someone_signed_out_only_when_public(client):
    written = published_record()
    address = reverse("learning:record", kwargs={"record_id": written.record.pk})
    response = client.get(address)
    # Published in English only: for those signed in (the same answer as for no record at all).
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    missing = client.get(reverse("learning:record", kwargs={"record_id": 999_999}))
    assert missing.status_code == 302
    services.record_update(
        actor=written.lead,
        record=written.record,
        expected_version=written.record.version,
        title_cy="Gwirio cwympiadau",
        summary_cy="Gwirio meddyginiaethau.",
    )
    response = client.get(address)
    body = response.content.decode()
    assert response.status_code == 200 and "Falls checks in care homes" in body
    assert "no-cache" in response["Cache-Control"]
    # The chart with its table equivalent.
    assert 'class="spc-chart"' in body and "every period’s figures" in body
    listing = client.get(reverse("learning:published")).content.decode()
    assert "Falls checks in care homes" in listing


def test_the_team_writes_the_record_through_its_pages(client):
    written = draft_record()
    client.force_login(written.lead)
    edit = reverse("learning:record_edit", kwargs={"record_id": written.record.pk})
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            **complete_values(title_en="A better title"),
            "expected_version": written.record.version,
            "professions": ["pharmacy"],
            "measures": [str(written.measured.measure.pk)],
        },
    )
    assert response.status_code == 302
    written.record.refresh_from_db()
    assert written.record.title_en == "A better title"
    submit = reverse("learning:record_submit", kwargs={"record_id": written.record.pk})
    assert client.post(submit).status_code == 302
    written.record.refresh_from_db()
    assert written.record.status == RecordStatus.SUBMITTED
    client.force_login(written.cluster_lead)
    page = client.get(reverse("learning:record", kwargs={"record_id": written.record.pk}))
    assert "Approve and publish" in page.content.decode()
    approve = reverse("learning:record_approve", kwargs={"record_id": written.record.pk})
    assert client.post(approve).status_code == 302
    history = reverse("learning:record_history", kwargs={"record_id": written.record.pk})
    assert client.get(history).status_code == 200


def test_the_project_page_links_to_its_records_and_the_team_starts_one(client):
    written = draft_record()
    client.force_login(written.lead)
    project = client.get(reverse("projects:detail", kwargs={"project_id": written.project.pk}))
    address = reverse("learning:project_records", kwargs={"project_id": written.project.pk})
    assert address in project.content.decode()
    response = client.post(address, {"ramp": "project", "language": "cy", "title": "Dysgu"})
    assert response.status_code == 302
    assert written.project.pk in [
        r.record.project_id
        for r in selectors.project_records_page(
            user=written.lead, project_id=written.project.pk
        ).records
    ]


def test_the_cluster_lead_finds_the_records_waiting_on_the_home_page(client):
    written = draft_record()
    services.record_submit(actor=written.lead, record=written.record)
    client.force_login(written.cluster_lead)
    home = client.get(reverse("home")).content.decode()
    assert "Learning records waiting for your approval" in home
    waiting = client.get(reverse("learning:waiting")).content.decode()
    assert reverse("learning:record", kwargs={"record_id": written.record.pk}) in waiting
    assert selectors.records_attention_for(written.lead) == []


def test_a_published_record_keeps_its_charts_as_the_cluster_lead_approved_them(client):
    """Publishing keeps the results' charts as drawn that day, in both languages; data
    corrected later changes the project's charts, not the published record."""
    written = published_record()
    assert Snapshot.objects.filter(object_id=written.record.pk, part="results").count() == 2
    # Every point corrected to 10 (the project is closed: straight in the table), no signal now.
    DataPoint.objects.filter(measure=written.measured.measure).update(value=10)
    client.force_login(written.lead)
    page = client.get(reverse("learning:record", kwargs={"record_id": written.record.pk}))
    html = page.content.decode()
    assert html.count('class="spc-chart"') == 1
    assert "points in a row above the mean" in html
    assert f'id="measure-{written.measured.measure.pk}-data"' in html
