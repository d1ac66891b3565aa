"""Project pages: cycles of change (ramps and PDSA cycles)."""

from django.urls import path

from arloesi.projects.views import cycles

urlpatterns = [
    path("projects/<int:project_id>/cycles/", cycles.cycle_list, name="cycles"),
    path("projects/<int:project_id>/cycles/new/", cycles.cycle_new, name="cycle_new"),
    path("projects/<int:project_id>/ramps/new/", cycles.ramp_new, name="ramp_new"),
    path("projects/ramps/<int:ramp_id>/", cycles.ramp_detail, name="ramp"),
    path("projects/cycles/<int:cycle_id>/", cycles.cycle_detail, name="cycle"),
    path("projects/cycles/<int:cycle_id>/next/", cycles.cycle_next, name="cycle_next"),
    path(
        "projects/cycles/<int:cycle_id>/<slug:section>/",
        cycles.cycle_section,
        name="cycle_section",
    ),
]
