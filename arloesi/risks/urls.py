"""Risk register pages, in the ``risks`` namespace (/<language>/risks/…): the registers, one
register (its entries, heat map, spreadsheet, import and a board's matrix) and one entry."""

from django.urls import path

from arloesi.risks.views import entry, register

app_name = "risks"

urlpatterns = [
    path("risks/", register.registers, name="home"),
    path("risks/registers/<int:unit_id>/", register.register, name="register"),
    path(
        "risks/registers/<int:unit_id>/export.<str:file_format>",
        register.register_export,
        name="export",
    ),
    path("risks/registers/<int:unit_id>/new/", register.entry_add, name="entry_add"),
    path("risks/registers/<int:unit_id>/import/", register.register_import, name="import"),
    path("risks/registers/<int:unit_id>/matrix/", register.matrix_settings, name="settings"),
    path("risks/<int:entry_id>/", entry.entry_detail, name="entry"),
    path("risks/<int:entry_id>/history/", entry.entry_history, name="history"),
    path("risks/<int:entry_id>/edit/", entry.entry_edit, name="entry_edit"),
    path("risks/<int:entry_id>/score/", entry.entry_rescore, name="rescore"),
    path("risks/<int:entry_id>/status/", entry.entry_status, name="status"),
    path("risks/<int:entry_id>/review/", entry.entry_review, name="review"),
    path("risks/<int:entry_id>/escalate/", entry.entry_escalate, name="escalate"),
    path("risks/<int:entry_id>/actions/new/", entry.action_add, name="action_add"),
    path(
        "risks/<int:entry_id>/actions/<int:action_id>/done/",
        entry.action_done,
        name="action_done",
    ),
]
