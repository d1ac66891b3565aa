"""Reads of driver diagrams: the app's front door for every read.

Who may see and change a diagram is decided once (``access``); each page's reads are one
presenter. Views and other apps import the functions from here, never from the modules behind
it.
"""

from arloesi.diagrams.selectors.access import (
    DiagramAccess,
    diagram_access,
    diagram_get_for_user,
    diagram_of,
    diagrams_visible_to,
    owner_access,
)
from arloesi.diagrams.selectors.content import content_of, document_of, outline_of
from arloesi.diagrams.selectors.lists import diagram_list_page, start_page
from arloesi.diagrams.selectors.pages import (
    aim_of,
    change_idea_get,
    column_labels,
    deleted_node,
    diagram_page,
    drawn,
    history_page,
    links_page,
    node_for_page,
    smart_rows,
)

__all__ = [
    "aim_of",
    "DiagramAccess",
    "change_idea_get",
    "column_labels",
    "content_of",
    "deleted_node",
    "diagram_access",
    "diagram_get_for_user",
    "diagram_list_page",
    "diagram_of",
    "diagram_page",
    "diagrams_visible_to",
    "document_of",
    "drawn",
    "history_page",
    "links_page",
    "node_for_page",
    "outline_of",
    "owner_access",
    "smart_rows",
    "start_page",
]
