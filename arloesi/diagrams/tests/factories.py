"""Small driver diagrams for the tests, as exchange-format JSON data."""

import json
from pathlib import Path


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
