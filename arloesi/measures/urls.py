"""Measures pages, in the ``measures`` namespace (/<language>/measures/…)."""

from django.urls import path, register_converter

from arloesi.measures.views import data, definition

app_name = "measures"


class ChartFormat:
    regex = "svg|png"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ChartFormat, "chart_format")

urlpatterns = [
    path("measures/projects/<int:project_id>/", definition.measure_list, name="list"),
    path("measures/projects/<int:project_id>/new/", definition.measure_add, name="add"),
    path("measures/<int:measure_id>/", data.measure_detail, name="detail"),
    path("measures/<int:measure_id>/edit/", definition.measure_edit, name="edit"),
    path("measures/<int:measure_id>/data/", data.data_grid, name="data"),
    path("measures/<int:measure_id>/import/", data.data_import, name="import"),
    path("measures/<int:measure_id>/notes/new/", data.note_add, name="note_add"),
    path("measures/<int:measure_id>/rebases/new/", data.rebase_add, name="rebase_add"),
    path(
        "measures/<int:measure_id>/annotations/<int:annotation_id>/remove/",
        data.annotation_remove,
        name="annotation_remove",
    ),
    path(
        "measures/<int:measure_id>/chart.<chart_format:file_format>",
        data.chart_download,
        name="chart",
    ),
    path("measures/<int:measure_id>/compare/", data.measure_compare, name="compare"),
]
