"""Forms for what proposals are judged against: local priorities, the intake and its criteria."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.proposals.models import LocalPriority


class PriorityForm(forms.Form):
    title_en = fields.text(
        _("Title in English"), required_message=_("Enter the title of the priority in English")
    )
    title_cy = fields.text(
        _("Title in Welsh"), required_message=_("Enter the title of the priority in Welsh")
    )
    description = fields.long_text(_("Description"), required=False, rows=4)
    source_plan = fields.choice(
        _("Which plan does it come from?"),
        LocalPriority.SourcePlan.choices,
        required_message=_("Select the plan the priority comes from"),
    )
    period_start = fields.date(
        _("Start date"), required_message=_("Enter the date the priority starts")
    )
    period_end = fields.date(_("End date"), required_message=_("Enter the date the priority ends"))

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date must be on or after the start date"))
        return data

    @staticmethod
    def initial_from(priority: LocalPriority) -> dict:
        return {name: getattr(priority, name) for name in PriorityForm.base_fields}


class IntakeOpenForm(forms.Form):
    closes_on = fields.date(
        _("Closing date"),
        required=False,
        hint=_("The intake closes at the end of this day. Leave it empty to close it yourself."),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on and closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date must be today or in the future"))
        return closes_on

    def closes_at(self) -> datetime | None:
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on is None:
            return None
        return timezone.make_aware(datetime.combine(closes_on + timedelta(days=1), time.min))


class CriterionForm(forms.Form):
    name_en = fields.text(
        _("Name in English"), required_message=_("Enter the name of the criterion in English")
    )
    name_cy = fields.text(
        _("Name in Welsh"), required_message=_("Enter the name of the criterion in Welsh")
    )
    weight = fields.decimal(
        _("Weight"),
        min_value=Decimal("0.01"),
        max_value=Decimal("999.99"),
        required_message=_("Enter a weight"),
        hint=_(
            "Weights are relative: a criterion weighted 20 counts twice as much as one weighted 10."
        ),
    )

    @staticmethod
    def initial_from(criterion) -> dict:
        return {
            "name_en": criterion.name_en,
            "name_cy": criterion.name_cy,
            "weight": criterion.weight,
        }
