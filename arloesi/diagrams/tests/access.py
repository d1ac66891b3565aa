"""Organisation B's driver diagram for the access walk and the form fuzz (tests/walks/): a
practitioner's own diagram (not shared, so nobody in A may see it) with a box in every column,
a link, and a box deleted and waiting for undo. Proposals' and projects' diagrams are added by
their apps' ``tests/access.py``."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from arloesi.diagrams import services
from arloesi.diagrams.vocabulary import Kind, OwnerKind
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role

PUBLIC: set = set()


def populate(world) -> None:
    b, marker = world.b, world.marker
    world.b_diagram_maker = maker = person_with_role(
        Role.PRACTITIONER, b.collaborative, full_name=f"Diagram maker {marker}"
    )
    diagram = services.diagram_start(
        actor=maker,
        owner_kind=OwnerKind.STANDALONE,
        title=f"Falls plan {marker}",
        source=services.blank(title="", aim=f"Fewer falls {marker} by 2028: 20%"),
    )

    def add(kind, text, linked_from=None):
        return services.node_add(
            actor=maker, diagram=diagram, kind=kind, text=text, linked_from=linked_from
        )

    world.b_primary = add(Kind.PRIMARY, f"Strength {marker}")
    world.b_secondary = add(Kind.SECONDARY, f"Exercise {marker}", world.b_primary.pk)
    world.b_change_idea = add(Kind.CHANGE_IDEA, f"Classes {marker}", world.b_secondary.pk)
    add(Kind.SECONDARY, f"Home safety {marker}", world.b_primary.pk)
    world.b_deleted_node = add(Kind.CHANGE_IDEA, f"Deleted {marker}", world.b_secondary.pk)
    services.node_delete(actor=maker, diagram=diagram, node_id=world.b_deleted_node.pk)
    diagram.refresh_from_db()
    world.b_diagram = diagram


def _diagram(w) -> dict:
    return {"diagram_id": w.b_diagram.pk}


def _box(w) -> dict:
    return {"diagram_id": w.b_diagram.pk, "node_id": w.b_secondary.pk}


PROBES = {
    "diagrams:detail": _diagram,
    "diagrams:aim": _diagram,
    "diagrams:order": _diagram,
    "diagrams:share": _diagram,
    "diagrams:delete": _diagram,
    "diagrams:history": _diagram,
    "diagrams:export": lambda w: {"diagram_id": w.b_diagram.pk, "file_format": "json"},
    "diagrams:node_add": lambda w: {"diagram_id": w.b_diagram.pk, "kind": "change_idea"},
    "diagrams:node_edit": _box,
    "diagrams:node_move": _box,
    "diagrams:node_delete": _box,
    "diagrams:node_restore": lambda w: {
        "diagram_id": w.b_diagram.pk,
        "node_id": w.b_deleted_node.pk,
    },
    "diagrams:node_links": _box,
    "diagrams:link_change": _box,
}


def _maker(w):
    return w.b_diagram_maker


FORM_USERS = dict.fromkeys(
    (
        "diagrams:start",
        "diagrams:aim",
        "diagrams:order",
        "diagrams:share",
        "diagrams:delete",
        "diagrams:node_add",
        "diagrams:node_edit",
        "diagrams:node_move",
        "diagrams:node_delete",
        "diagrams:node_restore",
        "diagrams:link_change",
    ),
    _maker,
)


def _detail(w) -> str:
    return reverse("diagrams:detail", kwargs=_diagram(w))


# The editor's buttons are on the diagram's page; a box's link buttons on its links page.
FORM_PAGES = {
    "diagrams:order": _detail,
    "diagrams:node_add": _detail,
    "diagrams:node_move": _detail,
    "diagrams:node_delete": _detail,
    "diagrams:node_restore": _detail,
    "diagrams:link_change": lambda w: reverse("diagrams:node_links", kwargs=_box(w)),
}

# One fuzzed add form per column.
FORM_ARGS = {
    "diagrams:node_add": {
        kind: (lambda w, kind=kind: {"diagram_id": w.b_diagram.pk, "kind": kind})
        for kind in ("primary", "secondary", "change_idea")
    },
}


def _diagram_file(world, text: str) -> SimpleUploadedFile:
    """A driver diagram file whose words are ``text``: hostile words reach what reads files."""
    document = {
        "format": "driver-diagram/1",
        "title": text,
        "nodes": [
            {"id": "aim", "kind": "aim", "text": text},
            {"id": "p1", "kind": "primary", "text": text, "note": text},
        ],
        "links": [{"from": "aim", "to": "p1"}],
    }
    content = json.dumps(document).encode("utf-8", "replace")
    return SimpleUploadedFile("diagram.json", content, content_type="application/json")


FORM_FILES = {"diagrams:start": _diagram_file}
FORM_VALUES = {"diagrams:start": {"source": "file"}}
