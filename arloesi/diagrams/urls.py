"""Driver diagram pages, in the ``diagrams`` namespace (/<language>/diagrams/…)."""

from django.urls import path, register_converter

from arloesi.diagrams.views import diagrams, editing


class ColumnConverter:
    regex = "primary|secondary|change_idea"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class FileFormatConverter:
    regex = "json|svg|png|pdf"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ColumnConverter, "column")
register_converter(FileFormatConverter, "diagram_format")

app_name = "diagrams"

# A diagram's own pages, each under /diagrams/<id>/ (written out, not an include, so every
# pattern names its parameters: the access walk points each at another organisation's diagram).
diagram = [
    ("", diagrams.diagram_detail, "detail"),
    ("aim/", diagrams.diagram_aim, "aim"),
    ("order/", diagrams.diagram_order, "order"),
    ("share/", diagrams.diagram_share, "share"),
    ("delete/", diagrams.diagram_delete, "delete"),
    ("history/", diagrams.diagram_history, "history"),
    ("diagram.<diagram_format:file_format>", diagrams.diagram_export, "export"),
    ("boxes/<column:kind>/add/", editing.node_add, "node_add"),
    ("boxes/<int:node_id>/", editing.node_edit, "node_edit"),
    ("boxes/<int:node_id>/move/", editing.node_move, "node_move"),
    ("boxes/<int:node_id>/delete/", editing.node_delete, "node_delete"),
    ("boxes/<int:node_id>/restore/", editing.node_restore, "node_restore"),
    ("boxes/<int:node_id>/links/", editing.node_links, "node_links"),
    ("boxes/<int:node_id>/links/change/", editing.link_change, "link_change"),
]

urlpatterns = [
    path("diagrams/", diagrams.diagram_list, name="list"),
    path("diagrams/new/", diagrams.diagram_start, name="start"),
    *(path(f"diagrams/<int:diagram_id>/{route}", view, name=name) for route, view, name in diagram),
]
