"""Keeping a register: who may write, what is recorded, every score kept, escalation to the next
level's register, closing and reopening, and the board's own matrix."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from arloesi.core.audit import ConcurrentEditError
from arloesi.core.models import AuditEvent
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import ClusterFactory, person_with_role
from arloesi.risks import matrix, selectors, services
from arloesi.risks.models import Rescore, RiskEntry, RiskStatusChange
from arloesi.risks.tests.factories import entry, registers
from arloesi.risks.vocabulary import ScoreKind, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def r():
    return registers()


def test_the_cluster_lead_adds_a_risk_scored_reviewed_by_its_band_and_recorded(r):
    added = entry(r, score=(3, 2), owner=r.lead, controls="Locum cover booked")
    today = timezone.localdate()

    assert added.current_score == 6
    assert added.next_review_on == matrix.next_review(today, "moderate")
    assert added.created_by == r.lead
    kinds = list(
        Rescore.objects.filter(entry=added).values_list("kind", "consequence", "likelihood")
    )
    assert kinds == [("initial", 3, 2), ("current", 3, 2), ("target", 3, 2)]
    event = AuditEvent.objects.get(object_id=str(added.pk), action=AuditEvent.Action.CREATED,
                                   content_type__model="riskentry")  # fmt: skip
    assert event.actor == r.lead and event.changes["title"][1] == added.title


def test_only_those_who_keep_a_register_write_to_it(r):
    for person in (r.collaborative_lead, person_with_role(Role.CLUSTER_LEAD, ClusterFactory())):
        with pytest.raises(PermissionDenied):
            services.entry_create(
                actor=person, unit=r.cluster, title="X", category="other", initial=(1, 1)
            )
    # The planning group's chair keeps its register and those of its clusters.
    assert (
        services.entry_create(
            actor=r.chair, unit=r.planning_group, title="Y", category="other", initial=(1, 1)
        ).unit
        == r.planning_group
    )
    assert not RiskEntry.objects.filter(title="X").exists()


def test_scores_off_the_matrix_are_refused(r):
    with pytest.raises(ValidationError) as refused:
        entry(r, score=(6, 1))
    assert "initial_consequence" in refused.value.error_dict


def test_rescoring_keeps_every_score_with_its_reason_and_counts_as_a_review(r):
    risk = entry(r, score=(2, 2))
    risk = services.entry_rescore(
        actor=r.lead, entry=risk, expected_version=risk.version, kind=ScoreKind.CURRENT,
        consequence=3, likelihood=4, reason="Two nurses left in March",
    )  # fmt: skip
    today = timezone.localdate()
    assert (risk.current_score, risk.last_reviewed_on) == (12, today)
    assert risk.next_review_on == matrix.next_review(today, "high")
    assert risk.initial_score == 4
    latest = Rescore.objects.filter(entry=risk).last()
    assert (latest.kind, latest.score, latest.reason, latest.scored_by) == (
        "current", 12, "Two nurses left in March", r.lead,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.entry_rescore(
            actor=r.lead, entry=risk, expected_version=risk.version, kind="current",
            consequence=1, likelihood=1, reason="  ",
        )  # fmt: skip


def test_a_stale_rescore_is_refused(r):
    risk = entry(r)
    services.entry_update(actor=r.lead, entry=risk, expected_version=1, title="Renamed")
    with pytest.raises(ConcurrentEditError):
        services.entry_rescore(
            actor=r.lead, entry=RiskEntry.objects.get(pk=risk.pk), expected_version=1,
            kind="target", consequence=1, likelihood=1, reason="Later",
        )  # fmt: skip


def test_reaching_the_escalation_score_puts_the_risk_on_the_planning_groups_register(r):
    risk = entry(r, score=(3, 4))
    assert risk.escalated_to is None
    risk = services.entry_rescore(
        actor=r.lead, entry=risk, expected_version=risk.version, kind="current",
        consequence=4, likelihood=4, reason="No locum found",
    )  # fmt: skip
    above = risk.escalated_to
    assert above.unit == r.planning_group and above.current_score == 16
    assert above.escalated_from == risk and above.title == risk.title
    # The planning group's chair sees it on their register; the cluster's lead does not reach it.
    page = selectors.register_page(user=r.chair, unit=r.planning_group, filters=selectors.Filters())
    assert [row.entry for row in page.rows] == [above]
    assert selectors.entry_page(user=r.lead, entry=risk).escalated_to.may_open is False
    # It goes one level at a time: the chair escalates it on to the health board.
    assert above.escalated_to is None
    services.entry_escalate(actor=r.chair, entry=above)
    above.refresh_from_db()
    assert above.escalated_to.unit == r.health_board
    with pytest.raises(ValidationError):
        services.entry_escalate(actor=r.officer, entry=above.escalated_to)


def test_a_board_with_a_lower_escalation_score_escalates_sooner(r):
    services.matrix_settings_save(
        actor=r.officer, health_board=r.health_board, expected_version=None,
        **dict(zip(services.MATRIX_FIELDS, (3, 6, 12, 12, 6, 3, 1, 12), strict=True)),
    )  # fmt: skip
    assert entry(r, score=(3, 4)).escalated_to is not None
    with pytest.raises(PermissionDenied):
        services.matrix_settings_save(
            actor=r.lead, health_board=r.health_board, expected_version=1,
            **dict(zip(services.MATRIX_FIELDS, (3, 6, 12, 12, 6, 3, 1, 15), strict=True)),
        )  # fmt: skip
    with pytest.raises(ValidationError):
        services.matrix_settings_save(
            actor=r.officer, health_board=r.health_board, expected_version=1,
            **dict(zip(services.MATRIX_FIELDS, (6, 6, 12, 12, 6, 3, 1, 15), strict=True)),
        )  # fmt: skip


def test_closing_needs_a_reason_and_a_closed_risk_changes_no_more_until_reopened(r):
    risk = entry(r)
    with pytest.raises(ValidationError):
        services.entry_status_move(
            actor=r.lead, entry=risk, from_status="open", to_status="closed", reason=""
        )
    risk = services.entry_status_move(
        actor=r.lead, entry=risk, from_status="open", to_status="closed", reason="Nurses hired"
    )
    assert (risk.status, risk.closed_reason) == (Status.CLOSED, "Nurses hired")
    with pytest.raises(ValidationError):
        services.action_add(actor=r.lead, entry=risk, text="Too late")
    with pytest.raises(ConcurrentEditError):
        services.entry_status_move(
            actor=r.lead, entry=RiskEntry.objects.get(pk=risk.pk), from_status="open",
            to_status="closed", reason="Twice",
        )  # fmt: skip
    risk = services.entry_status_move(
        actor=r.lead, entry=risk, from_status="closed", to_status="open", reason="One left again"
    )
    steps = list(RiskStatusChange.objects.filter(entry=risk).values_list("to_status", "reason"))
    assert steps == [("closed", "Nurses hired"), ("open", "One left again")]
    assert risk.closed_reason == ""


def test_a_review_sets_the_next_from_the_band_and_actions_are_done_and_undone(r):
    risk = entry(r, score=(4, 4), next_review_on=timezone.localdate() - timedelta(days=3))
    risk = services.entry_review(actor=r.lead, entry=risk, expected_version=risk.version)
    assert risk.next_review_on == matrix.next_review(timezone.localdate(), "extreme")
    action = services.action_add(actor=r.lead, entry=risk, text="Advertise the post", owner=r.lead)
    action = services.action_done(actor=r.lead, action=action, expected_version=1)
    assert action.done_on == timezone.localdate()
    action = services.action_done(actor=r.lead, action=action, expected_version=2, done=False)
    assert action.done_on is None
