"""Forms for a measure's data: the quick grid (one row a period), a file to import, and a note
or a rebase on its chart."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.measures.importer import Entry
from arloesi.measures.wording import day

LARGEST = Decimal("999999999999")


def _number(label, name):
    return fields.decimal(
        label, min_value=-LARGEST, max_value=LARGEST, decimal_places=4, required=False, name=name
    )


class GridForm(forms.Form):
    """One row for each period offered (``rows``: ``selectors.grid_rows``): a value, or a
    numerator and a denominator; left out of the calculation, with the reason."""

    def __init__(self, *args, rows=(), ratio: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        self.ratio = ratio
        for number, row in enumerate(self.rows):
            when = day(row.period_start)
            point = row.point
            if ratio:
                self.fields[f"numerator_{number}"] = _number(
                    _("Numerator"), _("Numerator for %(period)s") % {"period": when}
                )
                self.fields[f"denominator_{number}"] = _number(
                    _("Denominator"), _("Denominator for %(period)s") % {"period": when}
                )
            else:
                self.fields[f"value_{number}"] = _number(
                    _("Value"), _("Value for %(period)s") % {"period": when}
                )
            self.fields[f"excluded_{number}"] = forms.BooleanField(
                label=_("Leave out"), required=False
            )
            self.fields[f"reason_{number}"] = fields.text(_("Why"), max_length=500, required=False)
            if point is not None:
                for name in ("value", "numerator", "denominator"):
                    if f"{name}_{number}" in self.fields:
                        self.initial[f"{name}_{number}"] = getattr(point, name)
                self.initial[f"excluded_{number}"] = point.excluded
                self.initial[f"reason_{number}"] = point.excluded_reason

    def lines(self):
        """For the template: each period with its bound fields."""
        for number, row in enumerate(self.rows):
            yield (
                row,
                {
                    name: self[f"{name}_{number}"]
                    for name in ("value", "numerator", "denominator", "excluded", "reason")
                    if f"{name}_{number}" in self.fields
                },
            )

    def clean(self):
        data = super().clean()
        for number in range(len(self.rows)):
            if data.get(f"excluded_{number}") and not (data.get(f"reason_{number}") or "").strip():
                self.add_error(f"reason_{number}", _("Enter why this period is left out"))
            if self.ratio:
                top, bottom = data.get(f"numerator_{number}"), data.get(f"denominator_{number}")
                if (top is None) != (bottom is None):
                    self.add_error(
                        f"denominator_{number}" if bottom is None else f"numerator_{number}",
                        _("Enter both the numerator and the denominator, or neither"),
                    )
                elif bottom is not None and bottom <= 0:
                    self.add_error(
                        f"denominator_{number}", _("The denominator must be more than 0")
                    )
        return data

    def entries(self) -> tuple[list[Entry], list]:
        """The periods with data, and those left empty that had data (to clear)."""
        entries, cleared = [], []
        for number, row in enumerate(self.rows):
            data = self.cleaned_data
            if self.ratio:
                numbers = {
                    "numerator": data.get(f"numerator_{number}"),
                    "denominator": data.get(f"denominator_{number}"),
                }
                empty = numbers["numerator"] is None
            else:
                numbers = {"value": data.get(f"value_{number}")}
                if row.point is not None and row.point.value is None:
                    numbers.update(numerator=row.point.numerator, denominator=row.point.denominator)
                empty = numbers["value"] is None and numbers.get("numerator") is None
            if empty:
                if row.point is not None:
                    cleared.append(row.period_start)
                continue
            excluded = bool(data.get(f"excluded_{number}"))
            entries.append(
                Entry(
                    period_start=row.period_start,
                    excluded=excluded,
                    excluded_reason=(data.get(f"reason_{number}") or "").strip()
                    if excluded
                    else "",
                    **numbers,
                )
            )
        return entries, cleared


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A CSV or XLSX file, up to 2 MB, with the columns described above."),
        error_messages={
            "required": _("Select a CSV or XLSX file"),
            "empty": _("The selected file is empty"),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The selected file must be smaller than 2 MB"))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("The selected file must be a CSV or XLSX file"))
        return upload


class NoteForm(forms.Form):
    on = fields.date(_("Date"), required_message=_("Enter the date"))
    text = fields.long_text(
        _("Note"), max_length=1000, rows=3, required_message=_("Enter the note")
    )


class RebaseForm(forms.Form):
    on = fields.date(
        _("Recalculate the limits from"),
        required_message=_("Enter the date the new phase starts"),
        hint=_("The new phase starts with the period this date falls in."),
    )
    text = fields.long_text(
        _("Why are the limits recalculated?"),
        max_length=1000,
        rows=3,
        required_message=_("Enter why the limits are recalculated"),
        hint=_("For example: the new check script was adopted in every pharmacy."),
    )
