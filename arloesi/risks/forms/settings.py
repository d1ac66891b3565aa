"""A health board's risk matrix, and the file a register is imported from."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm


def _score(label, hint=None):
    return fields.whole_number(
        label,
        min_value=1,
        max_value=25,
        example=12,
        hint=hint,
        required_message=_("Enter a score from 1 to 25"),
    )


def _months(label):
    return fields.whole_number(
        label,
        min_value=1,
        max_value=60,
        example=6,
        required_message=_("Enter a number of months from 1 to 60"),
    )


class MatrixSettingsForm(VersionedForm):
    edited_fields = (
        "low_max",
        "moderate_max",
        "high_max",
        "review_months_low",
        "review_months_moderate",
        "review_months_high",
        "review_months_extreme",
        "escalation_score",
    )

    low_max = _score(_("Highest low score"))
    moderate_max = _score(_("Highest moderate score"))
    high_max = _score(_("Highest high score"), hint=_("Scores above it are extreme."))
    review_months_low = _months(_("Months between reviews of a low risk"))
    review_months_moderate = _months(_("Months between reviews of a moderate risk"))
    review_months_high = _months(_("Months between reviews of a high risk"))
    review_months_extreme = _months(_("Months between reviews of an extreme risk"))
    escalation_score = _score(
        _("Escalation score"),
        hint=_("A risk whose current score reaches this goes onto the next level’s register."),
    )


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
