"""The four-outcomes dashboards: a cluster lead, a health board's officer and the national team
open the dashboard of the area they follow, read how many evaluated projects report each result
on each outcome (each project counted once, by its current report), open the projects behind a
figure and download the figures. Worked out by hand:

In cluster C of Cwm Taf Morgannwg:

- **falls** (collaborative A): a formative report (adoption improved), then a summative one
  (adoption no change, patient outcomes improved, scale up) — counted once, by the summative;
- **ulcers** (collaborative B): a formative report (adoption improved, patient outcomes
  improved, resource efficiency worse, continue);
- **withdrawn** (collaborative A): its only issued report was withdrawn — not counted;
- **draft** (collaborative A): a draft report only — not counted.

And **elsewhere**, in Powys: a summative report (adoption improved) that nothing of Cwm Taf
Morgannwg counts or lists.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from arloesi.core.models import AuditEvent
from arloesi.evaluation import selectors, services
from arloesi.evaluation.tests.factories import issued_report
from arloesi.evaluation.vocabulary import ReportKind
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    health_board,
    person_with_role,
)
from arloesi.projects.tests.factories import Started, started_project

pytestmark = pytest.mark.django_db


@dataclass
class Evaluated:
    cluster: OrganisationUnit
    falls: Started
    ulcers: Started
    withdrawn: Started
    elsewhere: Started
    cluster_lead: Person
    officer: Person


def _titled(started: Started, title: str) -> Started:
    started.project.title = title
    started.project.save(update_fields=["title"])
    return started


@pytest.fixture
def e() -> Evaluated:
    collaborative_a = CollaborativeFactory(parent=ClusterFactory(parent__parent=health_board()))
    cluster = collaborative_a.parent
    collaborative_b = CollaborativeFactory(parent=cluster)

    falls = _titled(started_project(collaborative_a), "Falls in care homes")
    issued_report(falls, kind=ReportKind.FORMATIVE, recommendation="continue")
    issued_report(
        falls,
        adoption_result="no_change",
        adoption_evidence="Two of the four homes stopped the checks.",
    )
    ulcers = _titled(started_project(collaborative_b), "Leg ulcer clinic")
    issued_report(
        ulcers,
        kind=ReportKind.FORMATIVE,
        recommendation="continue",
        resource_efficiency_result="worse",
        resource_efficiency_evidence="The clinic needs a second nurse.",
    )
    withdrawn = _titled(started_project(collaborative_a), "Withdrawn pilot")
    services.report_withdraw(
        actor=withdrawn.lead, report=issued_report(withdrawn), reason="Wrong figures"
    )
    draft = _titled(started_project(collaborative_a), "Draft pilot")
    services.report_create(actor=draft.lead, project=draft.project, kind=ReportKind.SUMMATIVE)

    elsewhere = _titled(
        started_project(
            CollaborativeFactory(parent=ClusterFactory(parent__parent=health_board("PTHB")))
        ),
        "Powys pilot",
    )
    issued_report(elsewhere)
    return Evaluated(
        cluster=cluster,
        falls=falls,
        ulcers=ulcers,
        withdrawn=withdrawn,
        elsewhere=elsewhere,
        cluster_lead=person_with_role(Role.CLUSTER_LEAD, cluster),
        officer=person_with_role(Role.HEALTH_BOARD_OFFICER, health_board()),
    )


def _figures(dashboard) -> dict[str, dict[str, int]]:
    return {line.outcome: {c.result: c.count for c in line.cells} for line in dashboard.lines}


def test_each_evaluated_project_counts_once_by_its_current_report(e):
    d = selectors.outcomes_dashboard(user=e.cluster_lead, unit_id=e.cluster.pk)

    assert d.evaluated == 2
    assert _figures(d) == {
        "adoption": {"improved": 1, "no_change": 1, "worse": 0, "not_measured": 0},
        "patient_outcomes": {"improved": 2, "no_change": 0, "worse": 0, "not_measured": 0},
        "patient_experience": {"improved": 0, "no_change": 0, "worse": 0, "not_measured": 2},
        "resource_efficiency": {"improved": 0, "no_change": 0, "worse": 1, "not_measured": 1},
    }
    assert [(value, count) for value, _label, count in d.recommendations] == [
        ("mainstream", 0),
        ("scale_up", 1),
        ("stop", 0),
        ("continue", 1),
    ]
    # A cluster's dashboard has no areas under it.
    assert d.areas == []


def test_the_health_board_counts_its_own_projects_and_never_another_boards(e):
    d = selectors.outcomes_dashboard(user=e.officer, unit_id=health_board().pk)
    assert d.evaluated == 2
    assert _figures(d)["adoption"]["improved"] == 1
    # Its planning groups, each with its evaluated projects.
    assert {area.unit.kind for area in d.areas} == {Kind.PLANNING_GROUP}
    assert {area.unit.pk: area.evaluated for area in d.areas if area.evaluated} == {
        e.cluster.parent_id: 2
    }

    powys = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board("PTHB"))
    d = selectors.outcomes_dashboard(user=powys, unit_id=health_board("PTHB").pk)
    assert d.evaluated == 1
    assert _figures(d)["adoption"] == {"improved": 1, "no_change": 0, "worse": 0, "not_measured": 0}


def test_wales_counts_every_board_and_leads_to_each_boards_dashboard(e, client):
    wales = OrganisationUnit.objects.get(kind=Kind.WALES)
    national = person_with_role(Role.NATIONAL_TEAM, wales)
    d = selectors.outcomes_dashboard(user=national, unit_id=wales.pk)
    assert d.evaluated == 3
    counted = {area.unit.code: area.evaluated for area in d.areas if area.evaluated}
    assert counted == {"CTMUHB": 2, "PTHB": 1}

    client.force_login(national)
    html = client.get(reverse("evaluation:dashboard", kwargs={"unit_id": wales.pk})).content
    board = reverse("evaluation:dashboard", kwargs={"unit_id": health_board().pk})
    assert f'href="{board}"' in html.decode()


def test_the_page_shows_the_table_with_a_link_behind_each_figure_and_the_drawing(e, client):
    client.force_login(e.cluster_lead)
    response = client.get(reverse("evaluation:dashboard", kwargs={"unit_id": e.cluster.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 evaluated projects led by collaboratives in this area." in html
    behind = reverse(
        "evaluation:behind",
        kwargs={"unit_id": e.cluster.pk, "outcome": "adoption", "result": "no_change"},
    )
    assert f'href="{behind}"' in html
    assert 'role="img"' in html and "Results on the four outcomes in" in html
    assert "style=" not in html.split('class="app-outcome-chart"')[1].split("</svg>")[0]
    assert "Scale up" in html and "Continue and evaluate again" in html


def test_behind_a_figure_are_the_projects_that_give_that_result_with_the_evidence(e, client):
    client.force_login(e.officer)
    titles = {"Falls in care homes", "Leg ulcer clinic", "Withdrawn pilot", "Powys pilot"}

    def listed(outcome: str, result: str) -> tuple[set[str], str]:
        address = reverse(
            "evaluation:behind",
            kwargs={"unit_id": health_board().pk, "outcome": outcome, "result": result},
        )
        html = client.get(address).content.decode()
        return {title for title in titles if f">{title}</a>" in html}, html

    shown, html = listed("adoption", "no_change")
    assert shown == {"Falls in care homes"}
    assert "Two of the four homes stopped the checks." in html
    assert e.cluster.name in html
    project = reverse("projects:detail", kwargs={"project_id": e.falls.project.pk})
    assert f'href="{project}"' in html
    assert listed("adoption", "improved")[0] == {"Leg ulcer clinic"}
    assert listed("patient_outcomes", "improved")[0] == {"Falls in care homes", "Leg ulcer clinic"}
    assert listed("resource_efficiency", "worse")[0] == {"Leg ulcer clinic"}
    assert listed("adoption", "worse")[0] == set()


def test_the_projects_behind_a_figure_come_fifty_to_a_page(e):
    page = selectors.projects_behind(
        user=e.officer,
        unit_id=health_board().pk,
        outcome="patient_outcomes",
        result="improved",
        page_number=7,
    )
    assert (page.number, page.pages, page.total) == (1, 1, 2)
    assert [r.project.title for r in page.rows] == ["Falls in care homes", "Leg ulcer clinic"]


def test_the_downloads_hold_each_project_and_are_recorded(e, client):
    client.force_login(e.cluster_lead)
    kwargs = {"unit_id": e.cluster.pk}
    csv = client.get(
        reverse("evaluation:dashboard_export", kwargs={**kwargs, "file_format": "csv"})
    )
    text = csv.content.decode("utf-8-sig")
    assert csv.status_code == 200
    header, *rows = text.splitlines()
    assert header.startswith("Project,Cluster,Planning group,Health board,Report,Kind of report")
    assert "Adoption of innovation: result,Adoption of innovation: evidence" in header
    assert [row.split(",")[0] for row in rows] == ["Falls in care homes", "Leg ulcer clinic"]
    assert "Cwm Taf Morgannwg" in rows[0] and "No change" in rows[0] and "Scale up" in rows[0]
    xlsx = client.get(
        reverse("evaluation:dashboard_export", kwargs={**kwargs, "file_format": "xlsx"})
    )
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    printed = client.get(reverse("evaluation:dashboard_pdf", kwargs=kwargs))
    assert printed.status_code == 200 and printed.content.startswith(b"%PDF")
    refused = client.get(
        reverse("evaluation:dashboard_export", kwargs={**kwargs, "file_format": "doc"})
    )
    assert refused.status_code == 404

    downloads = AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED)
    name = f"outcomes-{e.cluster.code.lower()}"
    assert sorted(downloads.values_list("note", flat=True)) == [
        f"{name}.{kind}" for kind in ("csv", "pdf", "xlsx")
    ]
    assert set(downloads.values_list("object_id", flat=True)) == {str(e.cluster.pk)}


def test_guessed_ids_out_of_reach_reveal_nothing(e, client):
    client.force_login(person_with_role(Role.HEALTH_BOARD_OFFICER, health_board("PTHB")))
    unit = {"unit_id": e.cluster.pk}
    for name, kwargs in [
        ("evaluation:dashboard", unit),
        ("evaluation:behind", {**unit, "outcome": "adoption", "result": "improved"}),
        ("evaluation:dashboard_export", {**unit, "file_format": "xlsx"}),
        ("evaluation:dashboard_pdf", unit),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404, name
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOADED).exists()


def test_a_collaborative_or_an_unknown_figure_has_no_page(e, client):
    client.force_login(e.cluster_lead)
    collaborative = e.falls.collaborative.pk
    assert (
        client.get(reverse("evaluation:dashboard", kwargs={"unit_id": collaborative})).status_code
        == 404
    )
    unknown = {"unit_id": e.cluster.pk, "outcome": "happiness", "result": "improved"}
    assert client.get(reverse("evaluation:behind", kwargs=unknown)).status_code == 404
    unknown = {"unit_id": e.cluster.pk, "outcome": "adoption", "result": "better"}
    assert client.get(reverse("evaluation:behind", kwargs=unknown)).status_code == 404


def test_the_way_in_leads_to_the_widest_unit_the_person_follows(e, client):
    client.force_login(e.officer)
    response = client.get(reverse("evaluation:dashboard_home"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "evaluation:dashboard", kwargs={"unit_id": health_board().pk}
    )
    # The header leads there too, for everyone who monitors projects.
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("evaluation:dashboard_home")}"' in home

    client.force_login(e.falls.lead)
    answer = client.get(reverse("evaluation:dashboard_home"))
    assert answer.status_code == 302  # a practitioner follows their cluster

    client.force_login(person_with_role(Role.PLANNING_GROUP_CHAIR, e.cluster.parent))
    assert client.get(reverse("evaluation:dashboard_home")).status_code == 302


def test_someone_who_follows_no_projects_has_no_dashboard(client):
    from arloesi.organisations.tests.factories import PersonFactory

    client.force_login(PersonFactory())
    assert client.get(reverse("evaluation:dashboard_home")).status_code == 404


def test_the_dashboard_in_welsh(e, client):
    client.force_login(e.officer)
    board = health_board()
    with_language = reverse("evaluation:dashboard", kwargs={"unit_id": board.pk})
    response = client.get(with_language.replace("/en/", "/cy/", 1))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="cy"' in html
    assert board.name_cy in html
    assert "Nifer" in html  # "Number", a term the Welsh interface already has
