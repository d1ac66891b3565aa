"""Project pages: running a project."""

from django.urls import path

from arloesi.projects.views import running

urlpatterns = [
    path("projects/<int:project_id>/", running.project_detail, name="detail"),
]
