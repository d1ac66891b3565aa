"""Synthetic driver diagrams for the benchmark, written in bulk.

A few dozen shapes are made once per run from a seeded random generator — realistic ones (an
aim, 3–5 primary drivers, 6–12 secondary drivers, 10–30 change ideas, many-to-many) and one of
60 boxes — each laid out once. Every diagram written is a copy of a shape with its own rows,
and the shape's stored layout with the box ids changed to the copy's (the same words give the
same layout), so writing thousands of diagrams costs no layout time.
"""

import random
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from arloesi.core import bench
from arloesi.diagrams import stored
from arloesi.diagrams.layout import LayoutLink, LayoutNode, layout
from arloesi.diagrams.models import Diagram, DiagramLink, DiagramNode
from arloesi.diagrams.vocabulary import Kind

WORDS = [
    "same-day",
    "access",
    "care",
    "navigation",
    "pharmacy",
    "triage",
    "frailty",
    "falls",
    "medicines",
    "review",
    "asthma",
    "diabetes",
    "recall",
    "clinic",
    "nurse",
    "carers",
    "community",
    "hospital",
    "discharge",
    "eye",
    "health",
    "optometry",
    "hearing",
    "memory",
    "screening",
    "vaccination",
    "smoking",
    "weight",
    "exercise",
    "social",
    "prescribing",
    "housing",
    "loneliness",
    "mental",
    "health",
    "wellbeing",
    "pain",
    "sleep",
    "dental",
    "oral",
    "records",
    "information",
    "sharing",
]
KINDS = (Kind.AIM, Kind.PRIMARY, Kind.SECONDARY, Kind.CHANGE_IDEA)


@dataclass(frozen=True)
class Shape:
    # (kind, text) for each box, by column.
    boxes: list[tuple[str, str]]
    # (source index, target index, strength)
    links: list[tuple[int, int, str]]
    drawing: dict[str, Any]


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def shape(rng: random.Random, counts: tuple[int, int, int]) -> Shape:
    primary, secondary, ideas = counts
    boxes = [(Kind.AIM, "Improve " + _text(rng, 4, 8) + f" by {rng.randint(10, 40)}% by 2028")]
    boxes += [(Kind.PRIMARY, _text(rng, 3, 6)) for _ in range(primary)]
    boxes += [(Kind.SECONDARY, _text(rng, 3, 8)) for _ in range(secondary)]
    boxes += [(Kind.CHANGE_IDEA, _text(rng, 4, 12)) for _ in range(ideas)]
    firsts = [1, 1 + primary, 1 + primary + secondary]
    links = [(0, p, "strong") for p in range(1, 1 + primary)]
    for column, (first, size) in enumerate(((firsts[1], secondary), (firsts[2], ideas))):
        parents = range(firsts[column], firsts[column] + (primary, secondary)[column])
        for number in range(size):
            home = parents[number * len(parents) // size]
            chosen = {home}
            if rng.random() < 0.35:
                chosen.add(rng.choice(parents))
            for parent in sorted(chosen):
                strength = "weak" if rng.random() < 0.2 else "strong"
                links.append((parent, first + number, strength))
    nodes = [LayoutNode(str(i), KINDS.index(kind), text) for i, (kind, text) in enumerate(boxes)]
    drawn = layout(nodes, [LayoutLink(str(s), str(t), k) for s, t, k in links])
    return Shape(boxes=boxes, links=links, drawing=stored.to_stored(drawn))


def shapes(rng: random.Random, how_many: int) -> list[Shape]:
    return [
        shape(rng, (rng.randint(3, 5), rng.randint(6, 12), rng.randint(10, 30)))
        for _ in range(how_many)
    ]


LARGE = (5, 14, 40)  # with the aim, 60 boxes


def _renamed(drawing: dict[str, Any], ids: list[int]) -> dict[str, Any]:
    """A shape's stored layout, its box ids ("0", "1", …) those of a copy's rows."""
    return {
        **drawing,
        "boxes": [[str(ids[int(b[0])]), *b[1:]] for b in drawing["boxes"]],
        "routes": [[str(ids[int(r[0])]), str(ids[int(r[1])]), *r[2:]] for r in drawing["routes"]],
    }


def write(diagrams: list[tuple[Diagram, Shape]]) -> dict[str, int]:
    """Write each (unsaved) diagram with a copy of its shape's boxes, links and layout."""
    now = timezone.now()
    for diagram, _shape in diagrams:
        diagram.revision = diagram.drawing_revision = 1
        diagram.changed_at = diagram.changed_at or now
    Diagram.objects.bulk_create([d for d, _s in diagrams], batch_size=500)
    nodes = [
        DiagramNode(diagram=diagram, kind=kind, text=text, position=index)
        for diagram, shape_ in diagrams
        for index, (kind, text) in enumerate(shape_.boxes)
    ]
    DiagramNode.objects.bulk_create(nodes, batch_size=1000)
    links = []
    start = 0
    for diagram, shape_ in diagrams:
        ids = [node.pk for node in nodes[start : start + len(shape_.boxes)]]
        start += len(shape_.boxes)
        diagram.drawing = _renamed(shape_.drawing, ids)
        links += [
            {
                "diagram_id": diagram.pk,
                "source_id": ids[s],
                "target_id": ids[t],
                "strength": strength,
                "position": position,
            }
            for position, (s, t, strength) in enumerate(shape_.links)
        ]
    bench.insert_rows(DiagramLink, links)
    Diagram.objects.bulk_update([d for d, _s in diagrams], ["drawing"], batch_size=500)
    return {"diagrams": len(diagrams), "boxes": len(nodes), "links": len(links)}
