"""Forms for scale-up: nominating a pilot, the assessment against the six enablers, the
decision, withdrawing, and naming and moving on the clusters of the roll-out."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.learning.scaling import PROMPTS
from arloesi.learning.vocabulary import Enabler, EnablerRating, Footprint, RolloutStage

RATINGS = [(value, label) for value, label in EnablerRating.choices if value]


class NominateForm(forms.Form):
    footprint = fields.choice(
        _("How far should it go?"),
        Footprint.choices,
        required_message=_("Select the health board or all of Wales"),
        hint=_(
            "The health board’s officers decide on a health-board scale-up; the national team "
            "on an all-Wales one."
        ),
    )
    case = fields.long_text(
        _("Why should this pilot be scaled up?"),
        required_message=_("Enter why this pilot should be scaled up"),
        hint=_("What it achieved, and why other clusters would benefit."),
    )
    title = fields.text(
        _("Name of the scale-up"),
        required=False,
        hint=_("Leave it empty to use the pilot’s title."),
    )


def _rating(enabler: Enabler) -> forms.ChoiceField:
    return fields.choice(
        _("%(enabler)s: rating") % {"enabler": enabler.label}, RATINGS, required=False, draft=True
    )


def _evidence(enabler: Enabler) -> forms.CharField:
    return fields.long_text(
        _("%(enabler)s: evidence") % {"enabler": enabler.label},
        required=False,
        draft=True,
        rows=4,
        hint=PROMPTS[enabler],
    )


class AssessmentForm(VersionedForm):
    """The rating and the evidence for each of the six enablers. Either may be saved empty
    until the assessment is sent for a decision."""

    edited_fields = tuple(
        name for enabler in Enabler for name in (f"{enabler}_rating", f"{enabler}_evidence")
    )

    complete = forms.BooleanField(
        label=_("The assessment is complete: send it for a decision"), required=False
    )

    def __init__(self, *args, may_complete: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for enabler in Enabler:
            self.fields[f"{enabler}_rating"] = _rating(enabler)
            self.fields[f"{enabler}_evidence"] = _evidence(enabler)
        if not may_complete:
            del self.fields["complete"]

    @classmethod
    def initial_for(cls, scale_up, rows) -> dict:
        initial = {"expected_version": scale_up.version}
        for row in rows:
            initial[f"{row.enabler}_rating"] = row.rating
            initial[f"{row.enabler}_evidence"] = row.evidence
        return initial

    def enabler_fields(self) -> list[tuple]:
        """(enabler label, rating, evidence) bound fields, in the appraisal's order."""
        return [
            (enabler.label, self[f"{enabler}_rating"], self[f"{enabler}_evidence"])
            for enabler in Enabler
        ]

    def enablers(self) -> dict[str, tuple[str, str]]:
        return {
            enabler.value: (
                self.cleaned_data[f"{enabler}_rating"],
                self.cleaned_data[f"{enabler}_evidence"],
            )
            for enabler in Enabler
        }


DECISION_CHOICES = [
    ("approved", _("Approve")),
    ("approved_with_conditions", _("Approve with conditions")),
    ("declined", _("Decline")),
]


class DecisionForm(forms.Form):
    decision = fields.choice(
        _("Decision"),
        DECISION_CHOICES,
        required_message=_("Select approve, approve with conditions or decline"),
    )
    reasons = fields.long_text(
        _("Reasons for the decision"),
        required_message=_("Enter the reasons for the decision"),
        hint=_("Everyone who sees the scale-up reads them."),
    )
    conditions = fields.long_text(
        _("Conditions"),
        required=False,
        hint=_("Needed when approving with conditions: what must be in place, and by when."),
    )


class WithdrawForm(forms.Form):
    reason = fields.long_text(
        _("Why are you withdrawing the nomination?"),
        required_message=_("Enter the reason for withdrawing the nomination"),
        rows=4,
    )


class SiteAddForm(forms.Form):
    cluster = fields.choice(
        _("Cluster"),
        widget=forms.Select,
        coerce=int,
        required_message=_("Select a cluster within the scale-up’s footprint"),
    )
    starts_on = fields.date(
        _("Start date"), required=False, hint=_("When the cluster plans to start.")
    )
    notes = fields.long_text(_("Notes"), required=False, rows=3)

    def __init__(self, *args, clusters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].choices = [("", _("Select a cluster"))] + [
            (unit.pk, f"{unit.name} ({unit.parent.name})") for unit in clusters
        ]


class SiteForm(VersionedForm):
    edited_fields = ("stage", "starts_on", "notes")

    stage = fields.choice(_("Stage"), required_message=_("Select the stage"))
    starts_on = fields.date(_("Start date"), required=False)
    notes = fields.long_text(_("Notes"), required=False, rows=3)

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(stage, RolloutStage(stage).label) for stage in stages]
