"""Project pages: running a project."""

from django.urls import path

from arloesi.projects.views import running

urlpatterns = [
    path("projects/mine/", running.my_projects, name="mine"),
    path("projects/<int:project_id>/", running.project_detail, name="detail"),
    path("projects/<int:project_id>/history/", running.project_history, name="history"),
    path("projects/<int:project_id>/plan/", running.project_plan, name="plan"),
    path("projects/<int:project_id>/rag/", running.project_rag, name="rag"),
    path("projects/<int:project_id>/stage/", running.project_stage, name="stage"),
    path("projects/<int:project_id>/updates/new/", running.progress_update_add, name="update_add"),
    path("projects/<int:project_id>/milestones/new/", running.milestone_add, name="milestone_add"),
    path(
        "projects/<int:project_id>/milestones/<int:milestone_id>/",
        running.milestone_edit,
        name="milestone_edit",
    ),
    path(
        "projects/<int:project_id>/milestones/<int:milestone_id>/done/",
        running.milestone_done,
        name="milestone_done",
    ),
    path(
        "projects/<int:project_id>/milestones/<int:milestone_id>/remove/",
        running.milestone_remove,
        name="milestone_remove",
    ),
    path(
        "projects/<int:project_id>/conditions/<int:condition_id>/close/",
        running.condition_close,
        name="condition_close",
    ),
    path(
        "projects/<int:project_id>/conditions/<int:condition_id>/reopen/",
        running.condition_reopen,
        name="condition_reopen",
    ),
]
