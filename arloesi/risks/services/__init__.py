"""The risks app's front door for writes: keeping a register (entries, scores, reviews,
status, actions, escalation), a health board's matrix, importing entries, and the entries other
apps raise (``unaddressed_record``, ``unaddressed_allocated``). Every write is one call here,
audited."""

from arloesi.risks.services.register import (
    action_add,
    action_done,
    entry_create,
    entry_escalate,
    entry_rescore,
    entry_review,
    entry_status_move,
    entry_update,
)
from arloesi.risks.services.settings import MATRIX_FIELDS, matrix_settings_save
from arloesi.risks.services.sources import unaddressed_allocated, unaddressed_record
from arloesi.risks.services.transfer import COLUMNS as IMPORT_COLUMNS
from arloesi.risks.services.transfer import ImportResult, entries_import

__all__ = [
    "IMPORT_COLUMNS",
    "MATRIX_FIELDS",
    "ImportResult",
    "action_add",
    "action_done",
    "entries_import",
    "entry_create",
    "entry_escalate",
    "entry_rescore",
    "entry_review",
    "entry_status_move",
    "entry_update",
    "matrix_settings_save",
    "unaddressed_allocated",
    "unaddressed_record",
]
