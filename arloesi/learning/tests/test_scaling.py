"""Scale-up: a pilot is nominated by its team or those who lead where it runs, assessed against
the six enablers (with what Arloesi already knows beside the form), decided on by the health
board's officers or the national team, and rolled out across named clusters, tracked on the
spread table of every cluster of its footprint."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from arloesi.core.audit import ConcurrentEditError
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.learning import selectors, services
from arloesi.learning.models import RolloutStageChange, ScaleUpStatusChange
from arloesi.learning.scaling import assessment_gaps, path_ids, worth_scaling
from arloesi.learning.spread_drawing import spread_grid
from arloesi.learning.vocabulary import Enabler, Footprint, RolloutStage, ScaleUpStatus
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    PersonFactory,
    health_board,
    person_with_role,
    wales,
)
from arloesi.projects import services as project_services
from arloesi.projects.tests.factories import started_project
from arloesi.projects.vocabulary import Stage

pytestmark = pytest.mark.django_db

COMPLETE = {enabler.value: ("partly", f"What we know of {enabler.label}") for enabler in Enabler}


def delivering():
    started = started_project()
    project_services.project_stage_move(
        actor=started.lead,
        project=started.project,
        from_stage=Stage.PILOT,
        to_stage=Stage.DELIVERING,
    )
    started.project.refresh_from_db()
    return started


def nominated(started, footprint=Footprint.WALES):
    return services.scale_up_nominate(
        actor=started.lead,
        project=started.project,
        footprint=footprint,
        case="Fewer falls in every home that tried it",
    )


def assessed(started, footprint=Footprint.WALES):
    scale_up = nominated(started, footprint)
    return services.scale_up_assess(
        actor=started.lead,
        scale_up=scale_up,
        expected_version=scale_up.version,
        enablers=COMPLETE,
        complete=True,
    )


def national():
    return person_with_role(Role.NATIONAL_TEAM, wales())


def approved(started):
    scale_up = assessed(started)
    return services.scale_up_decide(
        actor=national(), scale_up=scale_up, decision="approved", reasons="It worked"
    )


# --- Pure -------------------------------------------------------------------------------------


def test_a_path_names_its_units_and_a_pilot_is_worth_scaling_past_its_pilot_stage():
    assert path_ids("/w1/hb5/pg12/cl40/co300/") == {"w": 1, "hb": 5, "pg": 12, "cl": 40, "co": 300}
    assert worth_scaling(Stage.EVALUATING, "") and worth_scaling(Stage.DELIVERING, "")
    assert not worth_scaling(Stage.PILOT, "")
    assert worth_scaling(Stage.CLOSED, "scale_up") and not worth_scaling(Stage.CLOSED, "stopped")


def test_an_assessment_needs_a_rating_and_evidence_for_every_enabler():
    gaps = assessment_gaps({"funding": ("in_place", "Transitional funding agreed")})
    assert "funding_rating" not in gaps and "funding_evidence" not in gaps
    assert "leading_rating" in gaps and "leading_evidence" in gaps
    assert assessment_gaps(COMPLETE) == {}


def test_the_spread_grid_is_a_drawing_with_its_title_and_escapes_names():
    drawing = spread_grid(
        [("Board <b>", [("Cluster & co", "pilot", "Original pilot site")])],
        legend=[("pilot", "Original pilot site")],
        title="Spread",
        description="A grid",
        chart_id="g",
    )
    assert 'role="img"' in drawing and "<title" in drawing
    assert "Board &lt;b&gt;" in drawing and "Cluster &amp; co" in drawing


# --- Nominating ------------------------------------------------------------------------------


def test_the_team_nominates_a_pilot_for_its_health_board_with_six_enablers_to_assess():
    started = delivering()
    scale_up = nominated(started, Footprint.HEALTH_BOARD)
    assert scale_up.status == ScaleUpStatus.NOMINATED
    assert scale_up.target_unit == health_board()
    assert scale_up.title == started.project.title
    assert [row.enabler for row in selectors.enabler_rows(scale_up)] == list(Enabler.values)


def test_a_pilot_still_in_its_pilot_stage_or_already_nominated_cannot_be_nominated():
    started = started_project()
    with pytest.raises(ValidationError):
        nominated(started)
    started = delivering()
    nominated(started)
    with pytest.raises(ValidationError):
        nominated(started)


def test_someone_outside_the_pilot_cannot_nominate_it():
    started = delivering()
    with pytest.raises(PermissionDenied):
        services.scale_up_nominate(
            actor=PersonFactory(),
            project=started.project,
            footprint=Footprint.WALES,
            case="Because",
        )
    cluster_lead = person_with_role(Role.CLUSTER_LEAD, started.s.cluster)
    assert selectors.may_nominate(cluster_lead, started.project)


# --- Assessing -------------------------------------------------------------------------------


def test_the_assessment_is_saved_in_part_then_sent_for_a_decision_when_complete():
    started = delivering()
    scale_up = nominated(started)
    scale_up = services.scale_up_assess(
        actor=started.lead,
        scale_up=scale_up,
        expected_version=scale_up.version,
        enablers={"funding": ("partly", "Transitional funding for six months")},
    )
    assert scale_up.status == ScaleUpStatus.NOMINATED
    with pytest.raises(ValidationError) as refused:
        services.scale_up_assess(
            actor=started.lead,
            scale_up=scale_up,
            expected_version=scale_up.version,
            enablers={},
            complete=True,
        )
    assert "leading_rating" in refused.value.message_dict
    scale_up = services.scale_up_assess(
        actor=started.lead,
        scale_up=scale_up,
        expected_version=scale_up.version,
        enablers=COMPLETE,
        complete=True,
    )
    assert scale_up.status == ScaleUpStatus.ASSESSED
    assert ScaleUpStatusChange.objects.filter(scale_up=scale_up, to_status="assessed").exists()


def test_an_assessment_changed_meanwhile_is_not_overwritten():
    started = delivering()
    scale_up = nominated(started)
    seen = scale_up.version
    services.scale_up_assess(
        actor=started.lead, scale_up=scale_up, expected_version=seen, enablers=COMPLETE
    )
    with pytest.raises(ConcurrentEditError) as stale:
        services.scale_up_assess(
            actor=started.lead, scale_up=scale_up, expected_version=seen, enablers={}
        )
    assert stale.value.current.funding_rating == "partly"
    assert stale.value.current.get_funding_rating_display() == "Partly in place"


# --- Deciding --------------------------------------------------------------------------------


def test_a_health_board_scale_up_is_decided_by_that_boards_officers_only():
    started = delivering()
    scale_up = assessed(started, Footprint.HEALTH_BOARD)
    for outsider in (national(), person_with_role(Role.HEALTH_BOARD_OFFICER, health_board("PTHB"))):
        with pytest.raises(PermissionDenied):
            services.scale_up_decide(
                actor=outsider, scale_up=scale_up, decision="approved", reasons="Yes"
            )
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board())
    decided = services.scale_up_decide(
        actor=officer, scale_up=scale_up, decision="declined", reasons="No funding this year"
    )
    assert decided.status == ScaleUpStatus.DECLINED and decided.decided_by == officer


def test_approving_with_conditions_needs_the_conditions_and_a_decision_is_final():
    started = delivering()
    scale_up = assessed(started)
    decider = national()
    with pytest.raises(ValidationError) as refused:
        services.scale_up_decide(
            actor=decider,
            scale_up=scale_up,
            decision="approved_with_conditions",
            reasons="Good results",
        )
    assert "conditions" in refused.value.message_dict
    scale_up = services.scale_up_decide(
        actor=decider,
        scale_up=scale_up,
        decision="approved_with_conditions",
        reasons="Good results",
        conditions="A lead named in each cluster",
    )
    assert scale_up.conditions == "A lead named in each cluster"
    with pytest.raises(TransitionNotAllowedError):
        services.scale_up_withdraw(actor=started.lead, scale_up=scale_up, reason="Changed mind")


def test_a_nomination_is_withdrawn_with_its_reason():
    started = delivering()
    scale_up = nominated(started)
    with pytest.raises(ValidationError):
        services.scale_up_withdraw(actor=started.lead, scale_up=scale_up, reason=" ")
    scale_up = services.scale_up_withdraw(actor=started.lead, scale_up=scale_up, reason="Not ready")
    assert scale_up.status == ScaleUpStatus.WITHDRAWN


# --- Roll-out and spread ---------------------------------------------------------------------


def test_the_roll_out_names_clusters_in_the_footprint_and_moves_them_on():
    started = delivering()
    scale_up = approved(started)
    elsewhere = ClusterFactory()
    site = services.rollout_site_add(actor=started.lead, scale_up=scale_up, cluster_id=elsewhere.pk)
    with pytest.raises(ValidationError):
        services.rollout_site_add(actor=started.lead, scale_up=scale_up, cluster_id=elsewhere.pk)
    site.scale_up = scale_up
    site = services.rollout_site_update(
        actor=started.lead, site=site, expected_version=site.version, stage="preparing"
    )
    assert site.stage == RolloutStage.PREPARING
    assert RolloutStageChange.objects.filter(site=site, to_status="preparing").exists()
    site.scale_up = scale_up
    with pytest.raises(TransitionNotAllowedError):
        services.rollout_site_update(
            actor=started.lead, site=site, expected_version=site.version, stage="sustained"
        )


def test_a_health_board_roll_out_stays_within_the_board():
    started = delivering()
    scale_up = assessed(started, Footprint.HEALTH_BOARD)
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board())
    scale_up = services.scale_up_decide(
        actor=officer, scale_up=scale_up, decision="approved", reasons="Yes"
    )
    other_board = ClusterFactory(parent__parent=health_board("PTHB"))
    with pytest.raises(ValidationError):
        services.rollout_site_add(actor=officer, scale_up=scale_up, cluster_id=other_board.pk)


def test_the_spread_table_shows_the_pilot_site_and_the_roll_out_to_everyone_signed_in():
    started = delivering()
    scale_up = approved(started)
    elsewhere = ClusterFactory()
    services.rollout_site_add(actor=started.lead, scale_up=scale_up, cluster_id=elsewhere.pk)
    stranger = person_with_role(
        Role.PRACTITIONER, ClusterFactory(parent__parent=health_board("PTHB"))
    )
    page = selectors.spread_page(user=stranger, scale_up_id=scale_up.pk)
    cells = {cell.cluster.pk: cell for board in page.boards for cell in board.cells}
    assert cells[started.s.cluster.pk].category == "pilot"
    assert cells[elsewhere.pk].stage == RolloutStage.PLANNED
    assert page.reached == 2 and page.total == len(cells)
    client = Client()
    client.force_login(stranger)
    body = client.get(reverse("learning:scale_up_spread", kwargs={"scale_up_id": scale_up.pk}))
    assert body.status_code == 200 and "Original pilot site" in body.content.decode()


# --- Who sees what ---------------------------------------------------------------------------


def test_an_open_nomination_is_seen_only_by_those_who_may_nominate_or_decide():
    started = delivering()
    scale_up = nominated(started)
    stranger = person_with_role(Role.PRACTITIONER, ClusterFactory())
    assert not selectors.scale_ups_visible_to(user=stranger).filter(pk=scale_up.pk).exists()
    for person in (
        started.lead,
        national(),
        person_with_role(Role.CLUSTER_LEAD, started.s.cluster),
    ):
        assert selectors.scale_ups_visible_to(user=person).filter(pk=scale_up.pk).exists()


def test_the_pages_of_a_scale_up_show_its_assessment_and_what_arloesi_knows():
    started = delivering()
    scale_up = assessed(started)
    decider = national()
    client = Client()
    client.force_login(decider)
    detail = client.get(reverse("learning:scale_up", kwargs={"scale_up_id": scale_up.pk}))
    text = detail.content.decode()
    assert "What Arloesi already knows about the pilot" in text
    assert reverse("learning:scale_up_decide", kwargs={"scale_up_id": scale_up.pk}) in text
    response = client.post(
        reverse("learning:scale_up_decide", kwargs={"scale_up_id": scale_up.pk}),
        {"decision": "approved", "reasons": "Good results in the pilot"},
    )
    assert response.status_code == 302
    scale_up.refresh_from_db()
    assert scale_up.status == ScaleUpStatus.APPROVED
    assess = client.get(reverse("learning:scale_up_assess", kwargs={"scale_up_id": scale_up.pk}))
    assert assess.status_code == 302


def test_the_assessment_form_saves_through_the_page_with_the_guidance_prompts():
    started = delivering()
    scale_up = nominated(started)
    client = Client()
    client.force_login(started.lead)
    address = reverse("learning:scale_up_assess", kwargs={"scale_up_id": scale_up.pk})
    page = client.get(address).content.decode()
    assert "transitional funding" in page.lower() and "PDSA cycles completed" in page
    data = {"expected_version": scale_up.version}
    for enabler, (rating, evidence) in COMPLETE.items():
        data[f"{enabler}_rating"] = rating
        data[f"{enabler}_evidence"] = evidence
    data["complete"] = "on"
    assert client.post(address, data).status_code == 302
    scale_up.refresh_from_db()
    assert scale_up.status == ScaleUpStatus.ASSESSED


def test_the_decisions_waiting_are_on_the_home_page_of_those_who_decide():
    started = delivering()
    assessed(started)
    decider = national()
    items = selectors.scaling_attention_for(decider)
    assert [item.count for item in items] == [1]
    assert items[0].href == reverse("learning:scale_ups")
    assert selectors.scaling_attention_for(started.lead) == []


def test_the_list_shows_approved_scale_ups_to_everyone_and_open_ones_to_those_who_follow():
    started = delivering()
    approved_one = approved(started)
    other = delivering()
    waiting = nominated(other)
    stranger = person_with_role(Role.PRACTITIONER, ClusterFactory())
    shown = [row.pk for row in selectors.scale_up_list(user=stranger).rows]
    assert shown == [approved_one.pk]
    shown = [row.pk for row in selectors.scale_up_list(user=national()).rows]
    assert shown == [waiting.pk, approved_one.pk]
    page = selectors.project_scale_ups(user=other.lead, project_id=other.project.pk)
    assert page.may_nominate_now  # it waits at all of Wales only; its health board is free
    assert [row.pk for row in page.scale_ups] == [waiting.pk]
