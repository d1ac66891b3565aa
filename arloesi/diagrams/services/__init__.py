"""Writes to driver diagrams: the app's front door for every change.

Every write locks the diagram, checks the writer may change it (``selectors.access``, the same
answer the page had), is audited (``core.audit``), and leaves the diagram laid out again for its
next revision. Views and other apps import the functions from here, never from the modules
behind it.
"""

from arloesi.diagrams.services.diagrams import (
    blank,
    copy_source,
    diagram_aim_update,
    diagram_carry_over,
    diagram_delete,
    diagram_order_set,
    diagram_share_set,
    diagram_start,
)
from arloesi.diagrams.services.nodes import (
    link_remove,
    link_set,
    node_add,
    node_delete,
    node_move,
    node_restore,
    node_update,
)
from arloesi.diagrams.services.rules import MAX_BOXES

__all__ = [
    "MAX_BOXES",
    "blank",
    "copy_source",
    "diagram_aim_update",
    "diagram_carry_over",
    "diagram_delete",
    "diagram_order_set",
    "diagram_share_set",
    "diagram_start",
    "link_remove",
    "link_set",
    "node_add",
    "node_delete",
    "node_move",
    "node_restore",
    "node_update",
]
