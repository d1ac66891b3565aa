"""An administrator reads what happened at the door, filters it and takes it away."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from arloesi.core.models import AuditEvent
from arloesi.organisations.models import SignInActivity
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    PersonFactory,
    health_board,
    person_with_role,
    wales,
)

pytestmark = pytest.mark.django_db

PAGE = "/en/organisations/sign-in-activity/"


@pytest.fixture
def administrator():
    return person_with_role(Role.ADMINISTRATOR, wales(), full_name="Alun Admin")


def activity(email, outcome=SignInActivity.Outcome.SIGN_IN_FAILED, days_ago=0, person=None):
    return SignInActivity.objects.create(
        email=email,
        outcome=outcome,
        person=person,
        at=timezone.now() - timedelta(days=days_ago),
        ip_address="127.0.0.9",
    )


def test_only_administrators_can_read_or_export_it(client, administrator):
    activity("nobody@example.org")
    for role, unit in [
        (Role.HEALTH_BOARD_OFFICER, health_board()),
        (Role.NATIONAL_TEAM, wales()),
    ]:
        client.force_login(person_with_role(role, unit))
        assert client.get(PAGE).status_code == 404
        assert client.get(f"{PAGE}export.csv").status_code == 404
        assert "Sign-in activity" not in client.get("/en/").content.decode()
    client.force_login(administrator)
    page = client.get(PAGE).content.decode()
    assert "nobody@example.org" in page
    assert "No account" in page
    assert "Sign-in activity" in client.get("/en/").content.decode()


def test_an_administrator_filters_by_date_address_and_what_happened(client, administrator):
    gwen = PersonFactory(email="gwen@example.org", full_name="Gwen Jones")
    activity("gwen@example.org", SignInActivity.Outcome.SIGNED_IN, days_ago=1, person=gwen)
    activity("gwen@example.org", days_ago=10, person=gwen)
    activity("nobody@example.org", days_ago=1)
    client.force_login(administrator)

    def rows(**filters) -> list[str]:
        page = client.get(PAGE, filters).content.decode()
        body = page.split("<tbody", 1)[1] if "<tbody" in page else ""
        return body.split("<tr")[1:]

    assert len(rows()) == 3
    assert len(rows(email="GWEN")) == 2
    assert len(rows(outcome="sign_in_failed")) == 2
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert len(rows(date_from=since)) == 2
    (only,) = rows(date_from=since, email="gwen", outcome="signed_in")
    assert "Gwen Jones" in only and "Signed in" in only
    wrong = client.get(PAGE, {"date_from": "yesterday"}).content.decode()
    assert "Enter a real date, for example 31/3/2026" in wrong


def test_the_page_shows_50_at_a_time_with_the_same_queries_however_many(client, administrator):
    client.force_login(administrator)
    activity("first@example.org")
    client.get(PAGE)
    with CaptureQueriesContext(connection) as few:
        client.get(PAGE)
    for number in range(120):
        activity(f"person{number}@example.org", person=PersonFactory())
    with CaptureQueriesContext(connection) as many:
        page = client.get(PAGE, {"page": 2}).content.decode()
    assert len(many) == len(few)
    assert page.count('<tr class="nhsuk-table__row">') == 50 + 1  # and the heading row
    assert "Showing 51 to 100 of 121" in page


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_has_the_filtered_rows_and_is_recorded(client, administrator, file_format):
    activity("gwen@example.org", SignInActivity.Outcome.SIGNED_IN)
    activity("nobody@example.org")
    client.force_login(administrator)
    response = client.get(f"{PAGE}export.{file_format}", {"outcome": "sign_in_failed"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if file_format == "csv":
        table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        table = [[str(cell or "") for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert table[0] == ["When", "Email address", "What happened", "Person", "Client address"]
    assert [row[1:3] for row in table[1:]] == [["nobody@example.org", "Sign-in failed"]]
    download = AuditEvent.objects.get(action=AuditEvent.Action.DOWNLOADED)
    assert download.actor == administrator
    assert download.object_id == str(wales().pk)
    assert download.note.startswith("sign-in-activity-")
    assert download.note.endswith(f".{file_format}")
