"""The measures app's front door for reads: who sees and changes a measure (``access``), a
project's measures, a measure's page and chart, its data-entry grid, the small multiples and a
project's charts as they stood on a day (for evaluation reports)."""

from arloesi.measures.selectors.access import (
    MeasureAccess,
    access_to_diagram,
    measure_for_change,
    measure_get_for_user,
    measures_for_change,
    project_for_measures,
)
from arloesi.measures.selectors.charts import ChartView, chart_view
from arloesi.measures.selectors.compare import (
    ComparePage,
    SameMeasure,
    across_projects,
    compare_page,
)
from arloesi.measures.selectors.pages import (
    ListPage,
    MeasurePage,
    boxes_for_measures,
    chart_for_download,
    data_points_of,
    grid_rows,
    measure_list_page,
    measure_page,
)
from arloesi.measures.selectors.project_charts import (
    ProjectChart,
    charts_of,
    measures_of_project,
    project_charts,
)
from arloesi.measures.selectors.series import Series, series_of

__all__ = [
    "ChartView",
    "ComparePage",
    "ListPage",
    "MeasureAccess",
    "MeasurePage",
    "SameMeasure",
    "across_projects",
    "ProjectChart",
    "Series",
    "access_to_diagram",
    "boxes_for_measures",
    "charts_of",
    "chart_for_download",
    "chart_view",
    "compare_page",
    "data_points_of",
    "grid_rows",
    "measure_for_change",
    "measures_for_change",
    "measure_get_for_user",
    "measure_list_page",
    "measure_page",
    "measures_of_project",
    "project_charts",
    "project_for_measures",
    "series_of",
]
