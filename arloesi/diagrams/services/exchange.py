"""Writing an exchange-format document into a new diagram: how every diagram starts (blank, from
an example, as a copy, from a file), so all four keep the same things.

Every box and link is written through ``core.audit`` (the history shows them appear). The ids,
the order of the links and the fields the format does not know are kept, so a file imported and
exported again loses nothing. The SMART aim (``smart_aim``) fills the diagram's six parts when
each is valid; otherwise it is kept as it was, as an unknown field.
"""

from datetime import date
from typing import Any

from arloesi.core import audit
from arloesi.core.characters import has_control_characters
from arloesi.diagrams.document import DiagramDocument
from arloesi.diagrams.models import Diagram, DiagramLink, DiagramNode
from arloesi.diagrams.selectors.content import SMART_FIELDS

# Fields of the examples that describe the example, not the diagram made from it.
EXAMPLE_ONLY = ("summary",)


def smart_parts(extra: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The diagram's SMART fields read from a file's ``smart_aim``, and the unknown fields left;
    ``smart_aim`` stays unknown unless every part in it is valid and would be written back the
    same (an export leaves out empty parts, and writes the date as YYYY-MM-DD)."""
    smart = extra.get("smart_aim")
    if not isinstance(smart, dict) or not smart or set(smart) - set(SMART_FIELDS):
        return {}, extra
    values: dict[str, Any] = {}
    for name, value in smart.items():
        attribute = SMART_FIELDS[name]
        if not isinstance(value, str) or not value or has_control_characters(value):
            return {}, extra
        if name == "by_when":
            try:
                values[attribute] = date.fromisoformat(value)
            except ValueError:
                return {}, extra
            if values[attribute].isoformat() != value:
                return {}, extra
            continue
        if len(value) > Diagram._meta.get_field(attribute).max_length:
            return {}, extra
        values[attribute] = value
    return values, {k: v for k, v in extra.items() if k != "smart_aim"}


def write_content(diagram: Diagram, document: DiagramDocument, *, actor) -> None:
    """The boxes and links of ``document`` into the (new, empty) ``diagram``."""
    positions: dict[str, int] = {}
    made: dict[str, DiagramNode] = {}
    for node in document.nodes:
        position = positions.get(node.kind, 0)
        positions[node.kind] = position + 1
        made[node.id] = audit.create(
            DiagramNode,
            actor=actor,
            diagram=diagram,
            kind=node.kind,
            text=node.text,
            position=position,
            key=node.id,
            extra=dict(node.extra),
        )
    for position, link in enumerate(document.links):
        audit.create(
            DiagramLink,
            actor=actor,
            diagram=diagram,
            source=made[link.source],
            target=made[link.target],
            strength=link.strength,
            position=position,
            extra=dict(link.extra),
            strength_given=link.strength_given,
        )
