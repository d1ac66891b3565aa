"""A cluster lead proposes an allocation, and accepts or rejects it: nothing is allocated
without that confirmation."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.delivery import selectors, services
from arloesi.delivery.allocation.scoring import Weights
from arloesi.delivery.models import AllocationRunStatusChange
from arloesi.delivery.runs import RunStatus
from arloesi.delivery.tests.factories_allocation import MARCH, cluster_with_capacity, task

pytestmark = pytest.mark.django_db
MAY = date(2027, 5, 1)


def propose(c, **weights):
    return services.allocation_propose(
        actor=c.lead,
        cluster=c.cluster,
        first_month=MARCH,
        last_month=MAY,
        weights=Weights(**weights),
    )


def test_the_proposal_explains_what_fits_and_what_does_not():
    """The pharmacist has 12 h in March. Reviewing medicines (benefit 5) needs 10 h in March;
    the audit (benefit 2) needs 40 h in March: 2 h free after the review, so not allocated."""
    c = cluster_with_capacity(pharmacist_hours=12)
    review = task(c, "Review medicines", {"pharmacist": 10}, expected_benefit=5)
    audit = task(c, "Audit prescribing", {"pharmacist": 40}, expected_benefit=2)
    run = propose(c)
    lines = {line.task_id: line for line in selectors.run_lines(run=run)}
    assert run.status == RunStatus.PROPOSED
    assert lines[review.pk].allocated
    assert lines[review.pk].hours == [
        {
            "holder": ["person", c.pharmacist.pk],
            "skill": "pharmacist",
            "month": "2027-03-01",
            "hours": 10,
        }
    ]
    assert not lines[audit.pk].allocated
    assert lines[audit.pk].reasons == [
        {
            "code": "short_of_hours",
            "skill": "pharmacist",
            "hours_needed": 40,
            "hours_free": 2,
            "first_month": "2027-03-01",
            "last_month": "2027-03-01",
        }
    ]
    assert lines[audit.pk].gap == {"pharmacist": 38}
    review.refresh_from_db()
    assert review.assigned_person is None  # nothing is allocated until the lead accepts


def test_accepting_gives_the_kept_tasks_their_assignee_and_confirms_the_rest():
    c = cluster_with_capacity(pharmacist_hours=12, gp_hours=20)
    review = task(c, "Review medicines", {"pharmacist": 10}, expected_benefit=5)
    huddle = task(c, "Run a huddle", {"gp": 5}, expected_benefit=4)
    audit = task(c, "Audit prescribing", {"pharmacist": 40}, expected_benefit=2)
    run = propose(c)
    lines = {line.task_id: line for line in selectors.run_lines(run=run)}
    services.allocation_accept(
        actor=c.lead,
        run=run,
        kept_line_ids={lines[review.pk].pk},
        unaccommodated_line_ids={lines[audit.pk].pk},
    )
    for item in (review, huddle):
        item.refresh_from_db()
    assert review.assigned_person == c.pharmacist
    assert huddle.assigned_person is None  # dropped by the lead
    after = {line.task_id: line for line in selectors.run_lines(run=run)}
    assert not after[huddle.pk].kept
    assert after[audit.pk].confirmed_unaccommodated
    assert list(
        AllocationRunStatusChange.objects.filter(run=run).values_list("to_status", flat=True)
    ) == [RunStatus.PROPOSED, RunStatus.ACCEPTED]


def test_a_rejected_run_allocates_nothing_and_cannot_then_be_accepted():
    c = cluster_with_capacity()
    review = task(c, "Review medicines", {"pharmacist": 10})
    run = propose(c)
    services.allocation_reject(actor=c.lead, run=run, reason="Wait for the new pharmacist")
    with pytest.raises(TransitionNotAllowedError):
        services.allocation_accept(
            actor=c.lead,
            run=run,
            kept_line_ids={line.pk for line in run.lines.all()},
            unaccommodated_line_ids=set(),
        )
    review.refresh_from_db()
    assert review.assigned_person is None


def test_only_the_clusters_leads_propose():
    c = cluster_with_capacity()
    with pytest.raises(PermissionDenied):
        services.allocation_propose(
            actor=c.gp, cluster=c.cluster, first_month=MARCH, last_month=MAY, weights=Weights()
        )


def test_a_task_waits_for_its_dependency_and_the_weights_are_kept():
    """The huddle depends on the review; both fit in March, the huddle in the same month."""
    c = cluster_with_capacity()
    review = task(c, "Review medicines", {"pharmacist": 10}, expected_benefit=1)
    huddle = task(c, "Run a huddle", {"gp": 5}, expected_benefit=5)
    huddle.dependencies.add(review)
    run = propose(c, effort=0.5)
    lines = selectors.run_lines(run=run)
    assert [line.task_id for line in lines] == [review.pk, huddle.pk]
    assert all(line.allocated for line in lines)
    assert selectors.weights_of(run) == Weights(1, 1, 0.5)


def test_the_ranking_shows_the_parts_and_a_lead_overrides_with_a_reason():
    c = cluster_with_capacity()
    small = task(c, "Small", {"gp": 2}, expected_benefit=2)
    big = task(c, "Big", {"gp": 20}, expected_benefit=4)
    ranked = selectors.ranking(cluster=c.cluster, weights=Weights(fit=0), on=MARCH)
    assert [r.task.pk for r in ranked] == [small.pk, big.pk]  # 2 ÷ 2 = 1 beats 4 ÷ 20
    services.task_priority_override(
        actor=c.lead, task=big, expected_version=big.version, score=5, reason="Board asked"
    )
    ranked = selectors.ranking(cluster=c.cluster, weights=Weights(fit=0), on=MARCH)
    assert [r.task.pk for r in ranked] == [big.pk, small.pk]
    assert ranked[0].ranked.override_reason == "Board asked"


def test_confirmed_work_goes_on_the_register_and_a_later_run_marks_it_allocated():
    """The audit needs 40 h of pharmacist time in March, 2 h free after the review: the lead
    confirms it onto the cluster's register, linked to its change idea and aim, 38 h short
    (95 %: likelihood 5), second of two tasks (consequence 3). In April the pharmacist declares
    40 h more; the next run allocates the audit and its entry says so."""
    from arloesi.delivery.tests.factories_allocation import declare
    from arloesi.risks import selectors as risks

    c = cluster_with_capacity(pharmacist_hours=12)
    task(c, "Review medicines", {"pharmacist": 10}, expected_benefit=5)
    audit = task(c, "Audit prescribing", {"pharmacist": 40}, expected_benefit=2)
    run = propose(c)
    lines = {line.task_id: line for line in selectors.run_lines(run=run)}
    services.allocation_accept(
        actor=c.lead,
        run=run,
        kept_line_ids=set(),
        unaccommodated_line_ids={lines[audit.pk].pk},
    )
    entry = risks.entries_from(source_kind="delivery.task", source_ids=[audit.pk])[audit.pk]
    assert entry.unit_id == c.cluster.pk
    assert entry.title == "Not accommodated: Audit prescribing"
    assert entry.source_allocated_on is None
    full = risks.entry_get_for_user(user=c.lead, entry_id=entry.pk)
    assert (full.initial_consequence, full.initial_likelihood) == (3, 5)
    assert c.change_idea.text in str(full.links.values())

    declare(c.cluster, c.pharmacist, "pharmacist", 40)
    later = propose(c)
    again = {line.task_id: line for line in selectors.run_lines(run=later)}
    assert again[audit.pk].allocated
    services.allocation_accept(
        actor=c.lead, run=later, kept_line_ids={again[audit.pk].pk}, unaccommodated_line_ids=set()
    )
    entry = risks.entries_from(source_kind="delivery.task", source_ids=[audit.pk])[audit.pk]
    assert entry.source_allocated_on is not None
