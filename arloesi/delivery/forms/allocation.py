"""Forms for prioritisation and allocation: the weights, a run's months, a lead's override of a
task's score, and the decision on a proposed run."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.delivery.allocation.scoring import MAX_WEIGHT, MIN_WEIGHT, Weights
from arloesi.delivery.forms.capacity import MONTH_HINT

WEIGHT_HINT = _("From 0 (leave it out) to 3. At 1 the score is fit × benefit ÷ effort.")


def _weight(label):
    return fields.decimal(
        label,
        min_value=Decimal(str(MIN_WEIGHT)),
        max_value=Decimal(str(MAX_WEIGHT)),
        decimal_places=1,
        required=False,
        hint=WEIGHT_HINT,
    )


class WeightsForm(forms.Form):
    fit = _weight(_("Weight of fit with local priorities"))
    benefit = _weight(_("Weight of expected benefit"))
    effort = _weight(_("Weight of effort"))

    def weights(self) -> Weights:
        """The weights given (1 for any left empty), or all 1 when the form is not valid."""
        if not self.is_bound or not self.is_valid():
            return Weights()
        data = self.cleaned_data
        return Weights(
            **{
                name: float(data[name]) if data.get(name) is not None else 1.0
                for name in ("fit", "benefit", "effort")
            }
        )


class RunForm(WeightsForm):
    first_month = fields.date(
        _("First month"), required_message=_("Enter the first month"), hint=MONTH_HINT
    )
    last_month = fields.date(
        _("Last month"), required_message=_("Enter the last month"), hint=MONTH_HINT
    )

    field_order = ["first_month", "last_month", "fit", "benefit", "effort"]

    def clean(self):
        data = super().clean()
        first, last = data.get("first_month"), data.get("last_month")
        if first and last and last < first:
            self.add_error("last_month", _("The last month must not be before the first"))
        return data


class OverrideForm(VersionedForm):
    priority_override = fields.decimal(
        _("Priority score given"),
        min_value=Decimal("0"),
        max_value=Decimal("9999"),
        decimal_places=2,
        required=False,
        hint=_("Leave empty to use the calculated score."),
    )
    priority_override_reason = fields.long_text(
        _("Why this score"), required=False, max_length=2000, rows=3
    )

    edited_fields = ("priority_override", "priority_override_reason")

    def clean(self):
        data = super().clean()
        reason = (data.get("priority_override_reason") or "").strip()
        if data.get("priority_override") is not None and not reason:
            self.add_error("priority_override_reason", _("Enter why the task gets this score"))
        return data


class DecisionForm(forms.Form):
    """Accept (with the lines kept and the tasks confirmed as not accommodated) or reject."""

    decision = fields.choice(
        _("Your decision"),
        choices=[("accept", _("Accept the allocation")), ("reject", _("Reject the allocation"))],
        required_message=_("Select whether you accept or reject the allocation"),
    )
    kept = fields.choices(_("Allocated tasks to keep"), required=False)
    unaccommodated = fields.choices(
        _("Tasks to put on the risk register as not accommodated"), required=False
    )
    note = fields.long_text(_("Note"), required=False, max_length=2000, rows=3)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].choices = [
            (str(line.pk), line.task.title) for line in lines if line.allocated
        ]
        self.fields["unaccommodated"].choices = [
            (str(line.pk), line.task.title) for line in lines if not line.allocated
        ]
        if not self.is_bound:
            self.initial = {
                "kept": [key for key, _label in self.fields["kept"].choices],
                "unaccommodated": [key for key, _label in self.fields["unaccommodated"].choices],
            }

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "kept_line_ids": {int(key) for key in data.get("kept", ())},
            "unaccommodated_line_ids": {int(key) for key in data.get("unaccommodated", ())},
            "note": data.get("note", ""),
        }
