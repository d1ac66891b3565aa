"""The form that defines a measure (adding one, or changing it with its version)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.measures.vocabulary import (
    ChartType,
    Direction,
    Frequency,
    MeasureKind,
    RuleSet,
    rule_set_fits,
)

DEFAULT_RULES = [("", _("The usual rules for the chart"))]


class MeasureForm(forms.Form):
    edited_fields = (
        "kind",
        "name",
        "operational_definition",
        "numerator",
        "denominator",
        "unit",
        "data_source",
        "frequency",
        "direction",
        "target",
        "chart_type",
        "rule_set",
    )

    node = fields.choice(
        _("What does it measure on the driver diagram?"),
        required_message=_("Select the aim, a driver or a change idea"),
        widget=forms.Select,
        coerce=int,
    )
    kind = fields.choice(
        _("Kind of measure"),
        MeasureKind.choices,
        required_message=_("Select outcome, process or balancing"),
        hint=_(
            "Outcome: the aim itself. Process: whether the changes are being made. "
            "Balancing: what might get worse elsewhere."
        ),
    )
    name = fields.text(
        _("Name"), max_length=200, required_message=_("Enter a name for the measure")
    )
    operational_definition = fields.long_text(
        _("Operational definition"),
        max_length=4000,
        rows=3,
        required=False,
        hint=_("Exactly what is counted and how, so that anyone would count it the same way."),
    )
    numerator = fields.long_text(_("Numerator"), max_length=4000, rows=2, required=False)
    denominator = fields.long_text(_("Denominator"), max_length=4000, rows=2, required=False)
    unit = fields.text(
        _("Unit"), max_length=60, required=False, hint=_("For example: percent, days, checks")
    )
    data_source = fields.text(_("Data source"), max_length=200, required=False)
    frequency = fields.choice(
        _("How often is it counted?"), Frequency.choices, required_message=_("Select how often")
    )
    direction = fields.choice(
        _("Direction of improvement"),
        Direction.choices,
        required_message=_("Select which way is better"),
    )
    target = fields.decimal(
        _("Target"),
        min_value=Decimal("-999999999999"),
        max_value=Decimal("999999999999"),
        decimal_places=4,
        required=False,
    )
    chart_type = fields.choice(
        _("Chart"),
        ChartType.choices,
        required_message=_("Select a chart"),
        hint=_(
            "A run chart for a start; an XmR chart for most measures; a p chart for a "
            "percentage of a count; a u chart for a rate; a c chart for a count of events."
        ),
    )
    rule_set = fields.choice(
        _("Rules for reading the chart"),
        DEFAULT_RULES + list(RuleSet.choices),
        required=False,
        hint=_(
            "Making Data Count for an XmR chart, Anhøj’s rules for the others, unless you "
            "choose otherwise. IHI rules are for run charts."
        ),
    )

    def __init__(self, *args, boxes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["node"].choices = [("", "")] + list(boxes)

    def clean(self):
        data = super().clean()
        chart, rules = data.get("chart_type"), data.get("rule_set")
        if chart and rules and not rule_set_fits(chart, rules):
            self.add_error("rule_set", _("Choose rules that can be used with this chart"))
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.edited_fields}


class MeasureEditForm(VersionedForm, MeasureForm):
    pass
