"""The measures app's front door for writes: defining a measure, its data (the quick grid and
imports) and the notes and rebases on its chart."""

from arloesi.measures.importer import Entry, ImportResult, Problem
from arloesi.measures.services.data import (
    annotation_add,
    annotation_remove,
    data_import,
    data_points_save,
    data_rows_import,
    data_series_import,
)
from arloesi.measures.services.definition import measure_create, measure_update, measures_copy

__all__ = [
    "Entry",
    "ImportResult",
    "Problem",
    "annotation_add",
    "annotation_remove",
    "data_import",
    "data_points_save",
    "data_rows_import",
    "data_series_import",
    "measure_create",
    "measure_update",
    "measures_copy",
]
