"""Project pages: cycles of change (ramps and PDSA cycles)."""

from django.urls import path

from arloesi.projects.views import cycles

urlpatterns = [
    path("projects/cycles/<int:cycle_id>/", cycles.cycle_detail, name="cycle"),
]
