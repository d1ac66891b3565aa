"""Learning records. Names: project_records (/learning/projects/<project_id>/records/, the list
and the form that starts one), record (/learning/records/<record_id>/), record_edit,
record_submit (POST), record_approve (POST), record_return, record_withdraw, record_history,
published (/learning/records/, the records published in Wales), waiting (those waiting for
the cluster lead's approval)."""

from django.urls import path

from arloesi.learning.views import records

urlpatterns = [
    path(
        "learning/projects/<int:project_id>/records/",
        records.project_records,
        name="project_records",
    ),
    path("learning/records/", records.published, name="published"),
    path("learning/records/waiting/", records.waiting, name="waiting"),
    path("learning/records/<int:record_id>/", records.record_detail, name="record"),
    path("learning/records/<int:record_id>/edit/", records.record_edit, name="record_edit"),
    path("learning/records/<int:record_id>/submit/", records.record_submit, name="record_submit"),
    path(
        "learning/records/<int:record_id>/approve/", records.record_approve, name="record_approve"
    ),
    path("learning/records/<int:record_id>/return/", records.record_return, name="record_return"),
    path(
        "learning/records/<int:record_id>/withdraw/",
        records.record_withdraw,
        name="record_withdraw",
    ),
    path(
        "learning/records/<int:record_id>/history/",
        records.record_history,
        name="record_history",
    ),
]
