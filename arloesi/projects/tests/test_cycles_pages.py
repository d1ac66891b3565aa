"""The cycles pages as the team uses them: start a ramp on a change idea from the driver diagram,
plan its first cycle, fill in the worksheet part by part until the cycle is completed, then plan
the next one, filled in from what the act said. Those who follow the project read it all; only
the team and the project's leads see the buttons; nobody else sees anything."""

from datetime import timedelta

import pytest
from django.utils import timezone

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import PersonFactory, person_with_role
from arloesi.projects import selectors
from arloesi.projects.models import PdsaCycle, Ramp
from arloesi.projects.tests.factories import cycle, started_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def started():
    return started_project()


def signed_in(client, person):
    client.force_login(person)
    return client


def text(response) -> str:
    return response.content.decode()


def test_the_team_starts_a_ramp_plans_runs_and_completes_a_cycle_then_plans_the_next(
    client, started
):
    team = signed_in(client, started.lead)
    project = started.project
    idea = selectors.change_ideas_of(project)[0]

    page = team.get(f"/en/projects/{project.pk}/ramps/new/")
    assert idea.text in text(page)
    response = team.post(f"/en/projects/{project.pk}/ramps/new/", {"change_idea_node": idea.pk})
    ramp = Ramp.objects.get(project=project)
    assert response.url == f"/en/projects/ramps/{ramp.pk}/"
    assert "Plan the first cycle" in text(team.get(response.url))

    today = timezone.localdate()
    response = team.post(
        f"/en/projects/{project.pk}/cycles/new/?ramp={ramp.pk}",
        {
            "title": "One resident",
            "ramp": ramp.pk,
            "owner": started.lead.pk,
            "objective": "See if the checklist fits",
            "planned_start_on": today.isoformat(),
            "planned_end_on": (today + timedelta(days=7)).isoformat(),
        },
    )
    first = PdsaCycle.objects.get(ramp=ramp)
    assert response.url == f"/en/projects/cycles/{first.pk}/"
    assert (first.number, first.owner) == (1, started.lead)

    cycle_page = text(team.get(response.url))
    for part in ("Plan", "Do", "Study", "Act", "Running"):
        assert f">{part}<" in cycle_page
    base = f"/en/projects/cycles/{first.pk}"
    team.post(f"{base}/do/", {"expected_version": 1, "do_what_happened": "Ran on Tuesday"})
    team.post(f"{base}/study/", {"expected_version": 2, "study_results": "Four minutes"})
    response = team.post(
        f"{base}/act/", {"expected_version": 3, "act_decision": "adapt", "act_next": "Three"}
    )
    assert response.url == f"{base}/"
    page = text(team.get(response.url))
    assert ">Completed<" in page and "Plan the next cycle" in page

    form = text(team.get(f"{base}/next/"))
    assert "Cycle 2 of the ramp" in form and ">Three</textarea>" in form
    response = team.post(
        f"{base}/next/",
        {
            "title": "Three residents",
            "objective": "Three",
            "planned_start_on": (today + timedelta(days=8)).isoformat(),
            "planned_end_on": (today + timedelta(days=15)).isoformat(),
        },
    )
    second = PdsaCycle.objects.get(ramp=ramp, number=2)
    assert response.url == f"/en/projects/cycles/{second.pk}/"

    assert "Plan the next cycle" not in text(team.get(f"{base}/")), "the ramp has moved on"

    ramp_page = text(team.get(f"/en/projects/ramps/{ramp.pk}/"))
    assert ramp_page.index("One resident") < ramp_page.index("Three residents")
    assert ">Completed<" in ramp_page and ">Planned<" in ramp_page


def test_a_stale_edit_is_refused_and_shows_what_the_other_person_saved(client, started):
    c = cycle(started.project)
    team = signed_in(client, started.lead)
    url = f"/en/projects/cycles/{c.pk}/do/"
    team.post(url, {"expected_version": 1, "do_what_happened": "Ran on Tuesday"})

    response = team.post(url, {"expected_version": 1, "do_what_happened": "Ran on Wednesday"})

    assert response.status_code == 200
    assert "Ran on Tuesday" in text(response)
    c.refresh_from_db()
    assert c.do_what_happened == "Ran on Tuesday"


def test_the_projects_cycles_page_lists_ramps_and_counts_cycles_by_state(client, started):
    ramp = Ramp.objects.create(project=started.project, change_idea="Falls checklist")
    today = timezone.localdate()
    cycle(started.project, ramp=ramp, title="Done", completed_at=timezone.now())
    cycle(started.project, ramp=ramp, number=2, title="Late", starts=today - timedelta(days=9))
    cycle(started.project, title="Alone", starts=today + timedelta(days=3))

    page = text(signed_in(client, started.lead).get(f"/en/projects/{started.project.pk}/cycles/"))

    assert "Falls checklist" in page and "Cycles on their own" in page
    assert "3 cycles" in page
    assert "Planned 1, Running 0, Overdue 1, Completed 1" in page


def test_followers_read_the_worksheet_without_changing_it_and_strangers_see_nothing(
    client, started
):
    c = cycle(started.project, objective="See if the checklist fits")
    follower = person_with_role(Role.PRACTITIONER, started.collaborative)
    page = signed_in(client, follower).get(f"/en/projects/cycles/{c.pk}/")
    assert "See if the checklist fits" in text(page)
    assert f"/projects/cycles/{c.pk}/plan/" not in text(page)
    assert client.get(f"/en/projects/cycles/{c.pk}/plan/").status_code == 404
    assert client.get(f"/en/projects/{started.project.pk}/cycles/new/").status_code == 404

    stranger = signed_in(client, PersonFactory())
    assert stranger.get(f"/en/projects/cycles/{c.pk}/").status_code == 404
    assert stranger.get(f"/en/projects/{started.project.pk}/cycles/").status_code == 404


def test_the_next_cycle_cannot_be_planned_before_the_cycle_is_completed(client, started):
    ramp = Ramp.objects.create(project=started.project, change_idea="Falls checklist")
    c = cycle(started.project, ramp=ramp)
    response = signed_in(client, started.lead).get(f"/en/projects/cycles/{c.pk}/next/")
    assert response.status_code == 404


def test_the_cycle_page_in_welsh(client, started):
    c = cycle(started.project, starts=timezone.localdate() - timedelta(days=10), days=2)
    page = text(signed_in(client, started.lead).get(f"/cy/projects/cycles/{c.pk}/"))
    for word in ("Cynllunio", "Gwneud", "Astudio", "Gweithredu", "Hwyr"):
        assert word in page
