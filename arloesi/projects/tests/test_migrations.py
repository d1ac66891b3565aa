"""Moving the project record from the proposals app keeps every project, with a copy of what its
proposal agreed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("proposals", "0004_proposal_newest_first_index"), ("projects", None)]
AFTER = [("proposals", "0005_project_moves_to_projects_app")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1]]).apps


def _migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


# Run on PostgreSQL, the production database, where this migration met real data. On SQLite every
# later migration rebuilds its tables to go back and forth, which makes this one test take over a
# minute of the suite's time.
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="run on PostgreSQL, the production database"
)
@pytest.mark.django_db(transaction=True)
def test_an_approved_proposals_project_moves_with_its_plan_and_conditions():
    old = _migrate(BEFORE)
    Unit = old.get_model("organisations", "OrganisationUnit")
    Person = old.get_model("organisations", "Person")
    Proposal = old.get_model("proposals", "Proposal")
    chair = Person.objects.create(email="chair@example.org", full_name="Chair", password="!")
    board = Unit.objects.filter(kind="health_board").first()
    group = Unit.objects.create(kind="planning_group", parent=board, code="PG", path="/pg/")
    cluster = Unit.objects.create(kind="cluster", parent=group, code="CL", path="/pg/cl/")
    collaborative = Unit.objects.create(
        kind="collaborative", parent=cluster, code="CO", path="/pg/cl/co/", profession="gms"
    )
    proposal = Proposal.objects.create(
        title="Joint falls clinic",
        status="approved_with_conditions",
        lead_collaborative=collaborative,
        planning_group=group,
        created_by=chair,
        submitted_at=timezone.now(),
    )
    old.get_model("proposals", "EvaluationPlan").objects.create(
        proposal=proposal, objectives="Fewer falls", baseline="12 a month"
    )
    old.get_model("proposals", "Decision").objects.create(
        proposal=proposal,
        outcome="approved_with_conditions",
        rationale="Sound plan",
        conditions="Report quarterly",
        decided_by=chair,
    )
    old.get_model("proposals", "Project").objects.create(proposal=proposal)

    try:
        new = _migrate(AFTER)
    finally:
        _migrate_to_latest()
    project = new.get_model("projects", "Project").objects.get()
    assert (project.proposal_id, project.title, project.conditions) == (
        proposal.pk,
        "Joint falls clinic",
        "Report quarterly",
    )
    assert project.planning_group_id == group.pk
    assert project.lead_collaborative_id == collaborative.pk
    assert project.started_by_id == chair.pk
    plan = new.get_model("projects", "ProjectEvaluationPlan").objects.get(project=project)
    assert (plan.objectives, plan.baseline) == ("Fewer falls", "12 a month")
