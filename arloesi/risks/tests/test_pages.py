"""The register and an entry's page as each person sees them: those who keep the register get
the buttons, those who read it do not, nobody else finds it; the heat map with its table, the
filters, the forms, and the spreadsheet."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from arloesi.core.models import AuditEvent
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import ClusterFactory, person_with_role
from arloesi.risks import services
from arloesi.risks.models import RiskEntry
from arloesi.risks.tests.factories import entry, registers

pytestmark = pytest.mark.django_db


@pytest.fixture
def r():
    return registers()


def get(client, person, name, **kwargs):
    client.force_login(person)
    return client.get(reverse(name, kwargs=kwargs))


def test_the_lead_sees_the_register_with_its_heat_map_overdue_reviews_and_buttons(client, r):
    entry(r, title="Nurse vacancies", score=(4, 3), owner=r.lead)
    entry(r, title="Old IT", score=(2, 1), next_review_on=timezone.localdate() - timedelta(days=2))
    response = get(client, r.lead, "risks:register", unit_id=r.cluster.pk)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Nurse vacancies" in html and "Old IT" in html
    assert '<svg viewBox="0 0 400 380"' in html and "Heat map of the open risks" in html
    assert "Open risks by likelihood and consequence" in html  # the table equivalent
    assert "score 12, High" in html and "Overdue" in html
    assert reverse("risks:entry_add", kwargs={"unit_id": r.cluster.pk}) in html
    assert reverse("risks:import", kwargs={"unit_id": r.cluster.pk}) in html


def test_filters_choose_the_entries_shown(client, r):
    entry(r, title="Nurse vacancies", score=(4, 4))
    entry(r, title="Old IT", score=(2, 1), category="information_governance")
    client.force_login(r.lead)
    url = reverse("risks:register", kwargs={"unit_id": r.cluster.pk})
    html = client.get(url, {"band": "low"}).content.decode()
    assert "Old IT" in html.split('id="entries"')[1]
    assert "Nurse vacancies" not in html.split('id="entries"')[1].split("Download")[0]
    html = client.get(url, {"category": "workforce", "band": "nonsense"}).content.decode()
    listed = html.split('id="entries"')[1]
    assert "Nurse vacancies" in listed and "Old IT" not in listed


def test_a_reader_sees_the_register_without_the_buttons_and_others_find_nothing(client, r):
    risk = entry(r)
    html = get(
        client, r.collaborative_lead, "risks:register", unit_id=r.cluster.pk
    ).content.decode()
    assert risk.title in html and "Add a risk" not in html
    html = get(client, r.collaborative_lead, "risks:entry", entry_id=risk.pk).content.decode()
    assert "Change the score" not in html
    assert get(client, r.collaborative_lead, "risks:rescore", entry_id=risk.pk).status_code == 404
    stranger = person_with_role(Role.CLUSTER_LEAD, ClusterFactory())
    for name, kwargs in [
        ("risks:register", {"unit_id": r.cluster.pk}),
        ("risks:entry", {"entry_id": risk.pk}),
        ("risks:history", {"entry_id": risk.pk}),
    ]:
        assert get(client, stranger, name, **kwargs).status_code == 404


def test_adding_a_risk_through_the_form(client, r):
    client.force_login(r.lead)
    response = client.post(
        reverse("risks:entry_add", kwargs={"unit_id": r.cluster.pk}),
        {"title": "No room for the clinic", "category": "other", "owner": r.lead.pk,
         "initial_consequence": "3", "initial_likelihood": "5"},
    )  # fmt: skip
    risk = RiskEntry.objects.get(title="No room for the clinic", unit=r.cluster)
    assert response.status_code == 302 and risk.escalated_to.unit == r.planning_group
    assert risk.owner == r.lead and risk.target_score == 15


def test_rescoring_needs_a_reason_and_the_entry_page_shows_the_history(client, r):
    risk = entry(r, score=(2, 2))
    client.force_login(r.lead)
    url = reverse("risks:rescore", kwargs={"entry_id": risk.pk})
    refused = client.post(url, {"kind": "current", "consequence": "3", "likelihood": "3",
                                "expected_version": "1", "reason": ""})  # fmt: skip
    assert refused.status_code == 200 and "Enter why the score changed" in refused.content.decode()
    client.post(url, {"kind": "current", "consequence": "3", "likelihood": "3",
                      "expected_version": "1", "reason": "Two nurses left"})  # fmt: skip
    html = get(client, r.lead, "risks:entry", entry_id=risk.pk).content.decode()
    assert "Two nurses left" in html and "3 × 3 = 9" in html
    assert 'aria-labelledby="trend-title trend-desc"' in html


def test_closing_reviewing_and_actions_through_their_forms(client, r):
    risk = entry(r)
    client.force_login(r.lead)
    client.post(reverse("risks:action_add", kwargs={"entry_id": risk.pk}),
                {"text": "Advertise the post", "due_on": "1/1/2030"})  # fmt: skip
    action = risk.actions.get()
    client.post(
        reverse("risks:action_done", kwargs={"entry_id": risk.pk, "action_id": action.pk}),
        {"expected_version": "1", "done": "yes"},
    )
    client.post(reverse("risks:review", kwargs={"entry_id": risk.pk}),
                {"expected_version": "1", "note": "Still the same"})  # fmt: skip
    client.post(reverse("risks:status", kwargs={"entry_id": risk.pk}),
                {"from_status": "open", "reason": "Post filled"})  # fmt: skip
    risk.refresh_from_db()
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()
    assert risk.last_reviewed_on == timezone.localdate()
    assert risk.status == "closed"
    html = get(client, r.lead, "risks:entry", entry_id=risk.pk).content.decode()
    assert "Post filled" in html and "Open the risk again" in html


def test_the_escalate_button_and_the_link_both_ways(client, r):
    risk = entry(r, score=(2, 3))
    client.force_login(r.lead)
    client.post(reverse("risks:escalate", kwargs={"entry_id": risk.pk}))
    risk.refresh_from_db()
    above = risk.escalated_to
    html = get(client, r.chair, "risks:entry", entry_id=above.pk).content.decode()
    assert reverse("risks:entry", kwargs={"entry_id": risk.pk}) in html
    html = get(client, r.chair, "risks:register", unit_id=r.planning_group.pk).content.decode()
    assert risk.title in html


def test_the_register_downloads_as_a_spreadsheet_and_the_download_is_recorded(client, r):
    entry(r, title="Nurse vacancies", score=(4, 3))
    response = get(client, r.lead, "risks:export", unit_id=r.cluster.pk, file_format="xlsx")
    sheet = load_workbook(__import__("io").BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "Title" and rows[1][1] == "Nurse vacancies" and rows[1][14] == "High"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED).exists()
    csv = get(client, r.lead, "risks:export", unit_id=r.cluster.pk, file_format="csv")
    assert "Nurse vacancies" in csv.content.decode("utf-8-sig")
    assert (
        get(client, r.lead, "risks:export", unit_id=r.cluster.pk, file_format="pdf").status_code
        == 404
    )


def test_the_health_boards_officer_changes_its_matrix(client, r):
    client.force_login(r.officer)
    url = reverse("risks:settings", kwargs={"unit_id": r.health_board.pk})
    assert client.get(url).status_code == 200
    values = dict(
        zip(services.MATRIX_FIELDS, ["4", "9", "16", "12", "6", "3", "1", "16"], strict=True)
    )
    response = client.post(url, {**values, "expected_version": "1"})
    assert response.status_code == 302
    html = get(client, r.officer, "risks:register", unit_id=r.health_board.pk).content.decode()
    assert "10–16" in html
    assert get(client, r.lead, "risks:settings", unit_id=r.health_board.pk).status_code == 404


def test_the_registers_page_lists_what_a_person_may_open(client, r):
    entry(r)
    html = get(client, r.officer, "risks:home").content.decode()
    for unit in (r.health_board, r.planning_group, r.cluster):
        assert reverse("risks:register", kwargs={"unit_id": unit.pk}) in html
    html = get(client, r.lead, "risks:home").content.decode()
    assert reverse("risks:register", kwargs={"unit_id": r.planning_group.pk}) not in html
