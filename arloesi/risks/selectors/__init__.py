"""The risks app's front door for reads: who sees and keeps a register (``access``), the
registers and a register's page, an entry's pages, a board's matrix, and the entries other apps
raised (``entries_from``)."""

from arloesi.risks.selectors.access import (
    REGISTER_KINDS,
    entries_visible_to,
    entry_for_change,
    entry_get_for_user,
    matrix_for,
    may_manage,
    may_manage_now,
    may_view,
    register_unit_get,
)
from arloesi.risks.selectors.entry import (
    EntryPage,
    action_of,
    entries_from,
    entry_page,
    history_page,
)
from arloesi.risks.selectors.register import (
    Filters,
    RegisterPage,
    band_ranges,
    owners_for,
    register_page,
    register_rows,
    registers_for,
)
from arloesi.risks.selectors.settings import matrix_settings_initial

__all__ = [
    "REGISTER_KINDS",
    "EntryPage",
    "Filters",
    "RegisterPage",
    "action_of",
    "band_ranges",
    "entries_from",
    "entries_visible_to",
    "entry_for_change",
    "entry_get_for_user",
    "entry_page",
    "history_page",
    "matrix_for",
    "matrix_settings_initial",
    "may_manage",
    "may_manage_now",
    "may_view",
    "owners_for",
    "register_page",
    "register_rows",
    "register_unit_get",
    "registers_for",
]
