"""A register's spreadsheet: its columns, described once for ``core.exports``."""

from django.utils.translation import gettext_lazy

from arloesi.core.exports import Column
from arloesi.core.jinja import display


def _owner(row) -> str:
    return row.entry.owner.full_name if row.entry.owner else ""


def _escalated(row) -> str:
    target = row.entry.escalated_to
    return target.unit.name if target else ""


REGISTER_COLUMNS = [
    Column(gettext_lazy("Reference"), lambda row: row.entry.pk),
    Column(gettext_lazy("Title"), lambda row: row.entry.title),
    Column(gettext_lazy("Category"), lambda row: display(row.entry, "category")),
    Column(gettext_lazy("Status"), lambda row: display(row.entry, "status")),
    Column(gettext_lazy("Description"), lambda row: row.entry.description),
    Column(gettext_lazy("Cause"), lambda row: row.entry.cause),
    Column(gettext_lazy("Effect"), lambda row: row.entry.effect),
    Column(gettext_lazy("Owner"), _owner),
    Column(gettext_lazy("Existing controls"), lambda row: row.entry.controls),
    Column(gettext_lazy("Initial consequence"), lambda row: row.entry.initial_consequence),
    Column(gettext_lazy("Initial likelihood"), lambda row: row.entry.initial_likelihood),
    Column(gettext_lazy("Current consequence"), lambda row: row.entry.current_consequence),
    Column(gettext_lazy("Current likelihood"), lambda row: row.entry.current_likelihood),
    Column(gettext_lazy("Current score"), lambda row: row.entry.current_score),
    Column(gettext_lazy("Band"), lambda row: row.band_label),
    Column(gettext_lazy("Target consequence"), lambda row: row.entry.target_consequence),
    Column(gettext_lazy("Target likelihood"), lambda row: row.entry.target_likelihood),
    Column(gettext_lazy("Review date"), lambda row: row.entry.next_review_on),
    Column(gettext_lazy("Last reviewed"), lambda row: row.entry.last_reviewed_on),
    Column(gettext_lazy("Escalated to"), _escalated),
    Column(gettext_lazy("What it comes from"), lambda row: row.entry.source_summary),
    Column(gettext_lazy("Gap"), lambda row: row.entry.gap),
]
