"""Small driver diagrams for the tests, as exchange-format JSON data, and diagrams in the
database made through the services (as people make them), with what a test reads back."""

import json
from pathlib import Path

from arloesi.diagrams import selectors, services
from arloesi.diagrams.document import parse
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role
from arloesi.projects import selectors as project_selectors
from arloesi.proposals import selectors as proposal_selectors
from arloesi.proposals import services as proposal_services
from arloesi.proposals.tests.factories import complete_draft
from arloesi.proposals.workflow import Status


def diagram(nodes, links, **extra) -> dict:
    """A document from (id, kind, text) triples and (from, to[, strength]) links."""
    return {
        "format": "driver-diagram/1",
        **extra,
        "nodes": [{"id": i, "kind": k, "text": t} for i, k, t in nodes],
        "links": [
            {"from": link[0], "to": link[1], **({"strength": link[2]} if len(link) > 2 else {})}
            for link in links
        ],
    }


CARE_HOMES = diagram(
    [
        ("aim", "aim", "Reduce avoidable A&E attendances from care homes by 20% by March 2028"),
        ("p1", "primary", "Proactive care planning"),
        ("p2", "primary", "Skilled, confident care home staff"),
        ("s1", "secondary", "Anticipatory care plans in place"),
        ("s2", "secondary", "Staff recognise deterioration early"),
        ("s3", "secondary", "Rapid access to clinical advice"),
        ("c1", "change_idea", "Weekly MDT ward round"),
        ("c2", "change_idea", "RESTORE2 training for every care home"),
        ("c3", "change_idea", "Direct line to the cluster's advanced paramedic"),
        ("c4", "change_idea", "Shared care plan template"),
    ],
    [
        ("aim", "p1"),
        ("aim", "p2"),
        ("p1", "s1", "strong"),
        ("p2", "s2"),
        ("p2", "s3"),
        ("p1", "s3", "weak"),
        ("s1", "c1", "weak"),
        ("s1", "c4"),
        ("s2", "c2"),
        ("s3", "c3"),
        ("s3", "c1"),
        ("p1", "c4", "weak"),
    ],
    title="Reduce avoidable A&E attendances from care homes",
)


def write(tmp_path: Path, data, name: str = "diagram.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


# --- Diagrams in the database, made through the services ----------------------------------------


def practitioner(collaborative=None):
    """A practitioner in a collaborative of their own (each call: another organisation)."""
    return person_with_role(Role.PRACTITIONER, collaborative or CollaborativeFactory())


def own_diagram(maker, *, title="Fewer falls", aim="Fewer falls among people over 75 by 2028: 20%"):
    """``maker``'s stand-alone diagram: the aim and nothing under it."""
    return services.diagram_start(
        actor=maker,
        owner_kind="standalone",
        title=title,
        source=services.blank(title=title, aim=aim),
    )


def imported(maker, data=CARE_HOMES, *, owner_kind="standalone", owner_id=None, title=""):
    """A diagram ``maker`` started from the file ``data`` (a dict, or JSON text)."""
    text = data if isinstance(data, str | bytes) else json.dumps(data)
    return services.diagram_start(
        actor=maker, owner_kind=owner_kind, owner_id=owner_id, title=title, source=parse(text)
    )


def boxes(diagram) -> dict:
    """The diagram's boxes on the page now, by their words."""
    return {node.text: node for node in selectors.content_of(diagram).nodes}


def lines(diagram) -> set[tuple[str, str, str]]:
    """The diagram's links on the page now: (from's words, to's words, strength)."""
    return {
        (link.source.text, link.target.text, link.strength)
        for link in selectors.content_of(diagram).links
    }


def column(diagram, kind: str) -> list[str]:
    """The words of one column's boxes, in the person's order (the editor's list)."""
    return [node.text for node in selectors.content_of(diagram).of_kind(kind)]


def fresh(diagram):
    diagram.refresh_from_db()
    return diagram


# --- A proposal's diagram, from draft to project ----------------------------------------------


def proposal_with_diagram(s, data=CARE_HOMES):
    """A draft (ready to submit) in setting ``s``, with a diagram its lead author started from
    ``data``."""
    proposal = complete_draft(s)
    return proposal, imported(s.author, data, owner_kind="proposal", owner_id=proposal.pk)


def submitted(s, proposal):
    """The draft submitted to an open intake, with the setting's reviewers assigned."""
    if not proposal_selectors.intake_current(planning_group=s.planning_group):
        proposal_services.intake_open(actor=s.chair, planning_group=s.planning_group)
    proposal = proposal_services.proposal_submit(actor=s.author, proposal=proposal)
    for reviewer in s.reviewers:
        proposal_services.reviewer_assign(actor=s.chair, proposal=proposal, reviewer=reviewer)
    return proposal


def approved(s, proposal):
    """The proposal submitted and approved by the chair: the project it starts."""
    proposal = submitted(s, proposal)
    proposal_services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.APPROVED, rationale="A sound plan"
    )
    return project_selectors.project_for_proposal(proposal_id=proposal.pk)
