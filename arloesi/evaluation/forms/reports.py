"""Forms for a project's evaluation: its logic model, starting a report, writing a draft report
(every part, with its version) and withdrawing an issued one."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.evaluation.vocabulary import (
    LOGIC_MODEL_PARTS,
    SUMMATIVE_RECOMMENDATIONS,
    ProgrammeOutcome,
    Recommendation,
    ReportKind,
    Result,
)


def _part(label, hint) -> forms.CharField:
    return fields.long_text(label, required=False, rows=4, hint=hint)


class LogicModelForm(VersionedForm):
    """The seven parts of a logic model. Before its first save there is no version to carry."""

    edited_fields = LOGIC_MODEL_PARTS

    inputs = _part(_("Inputs"), _("What the project puts in: people, time, money, equipment."))
    activities = _part(_("Activities"), _("What the team does with them."))
    outputs = _part(
        _("Outputs"),
        _("What the activities produce that can be counted: clinics run, people seen."),
    )
    outcomes = _part(_("Outcomes"), _("The changes for patients, staff or services."))
    impact = _part(_("Impact"), _("The longer-term difference the outcomes add up to."))
    assumptions = _part(_("Assumptions"), _("What must hold true for the chain to work."))
    external_factors = _part(
        _("External factors"), _("What outside the project could help or get in the way.")
    )

    def __init__(self, *args, new: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_version"].required = not new


class ReportAddForm(forms.Form):
    kind = fields.choice(
        _("Kind of report"),
        ReportKind.choices,
        required_message=_("Select formative or summative"),
        hint=_(
            "Formative: an interim report while the project runs. Summative: the final report, "
            "which recommends what happens next."
        ),
    )
    title = fields.text(
        _("Title"),
        required=False,
        hint=_("Leave it empty to call it by its kind and today’s date."),
    )
    covers_to = fields.date(
        _("Data up to"),
        required_message=_("Enter the date the report’s data runs up to"),
        hint=_("The charts show the measures’ data up to this day. For example, 31/3/2026."),
        initial=timezone.localdate,
    )


def _result(label, required_message) -> forms.ChoiceField:
    return fields.choice(label, Result.choices, required_message=required_message)


def _evidence(label) -> forms.CharField:
    return fields.long_text(
        label,
        required=False,
        draft=True,
        rows=3,
        hint=_("Needed before the report is issued, unless the result is “Not measured”."),
    )


class ReportEditForm(VersionedForm):
    """Every part of a draft report. What is needed before it is issued (the summary; for a
    summative report the recommendation and its reasons; the evidence for each result) may be
    saved empty: the report page lists what is still missing."""

    edited_fields = (
        "title",
        "covers_to",
        "summary",
        "objectives_progress",
        "learning",
        "costs_to_date",
        "costs_notes",
        "adoption_result",
        "adoption_evidence",
        "patient_outcomes_result",
        "patient_outcomes_evidence",
        "patient_experience_result",
        "patient_experience_evidence",
        "resource_efficiency_result",
        "resource_efficiency_evidence",
        "recommendation",
        "recommendation_reasons",
    )

    title = fields.text(_("Title"), required_message=_("Enter a title for the report"))
    covers_to = fields.date(
        _("Data up to"),
        required_message=_("Enter the date the report’s data runs up to"),
        hint=_("The charts show the measures’ data up to this day."),
    )
    summary = fields.long_text(
        _("Summary of findings"),
        required=False,
        draft=True,
        hint=_("What the evaluation found, in a few sentences. It opens the report."),
    )
    objectives_progress = fields.long_text(
        _("Progress against the objectives"),
        required=False,
        hint=_("How far the project has come against its objectives, baselines and targets."),
    )
    learning = fields.long_text(
        _("What the PDSA cycles taught"),
        required=False,
        hint=_("The report lists the cycles completed by its date; say what the team learnt."),
    )
    costs_to_date = fields.money(
        _("Costs to date (£)"),
        required=False,
        name=_("Costs to date"),
        hint=_("What the project has spent so far, in pounds."),
    )
    costs_notes = fields.long_text(_("Notes on costs"), required=False, rows=3)
    adoption_result = _result(
        _("Adoption of innovation: result"),
        _("Select a result for the adoption of innovation"),
    )
    adoption_evidence = _evidence(_("Adoption of innovation: evidence"))
    patient_outcomes_result = _result(
        _("Patient and citizen outcomes: result"),
        _("Select a result for patient and citizen outcomes"),
    )
    patient_outcomes_evidence = _evidence(_("Patient and citizen outcomes: evidence"))
    patient_experience_result = _result(
        _("Patient and citizen experience: result"),
        _("Select a result for patient and citizen experience"),
    )
    patient_experience_evidence = _evidence(_("Patient and citizen experience: evidence"))
    resource_efficiency_result = _result(
        _("Resource efficiency: result"),
        _("Select a result for resource efficiency"),
    )
    resource_efficiency_evidence = _evidence(_("Resource efficiency: evidence"))
    recommendation = fields.choice(_("Recommendation"), required=False)
    recommendation_reasons = fields.long_text(_("Reasons for the recommendation"), required=False)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        summative = kind == ReportKind.SUMMATIVE
        allowed = SUMMATIVE_RECOMMENDATIONS if summative else tuple(Recommendation)
        self.fields["recommendation"].choices = [(r.value, r.label) for r in allowed]
        # A summative report is issued only with a recommendation and its reasons.
        for name in ("recommendation", "recommendation_reasons"):
            self.fields[name].needed_to_submit = summative
        self.fields["recommendation"].help_text = (
            _("Needed before a summative report is issued.")
            if summative
            else _("A formative report may recommend carrying on.")
        )

    def outcome_fields(self) -> list[tuple]:
        """(result, evidence) bound fields of each of the four outcomes, in order."""
        return [
            (self[f"{outcome}_result"], self[f"{outcome}_evidence"])
            for outcome in ProgrammeOutcome.values
        ]


class WithdrawForm(forms.Form):
    reason = fields.long_text(
        _("Why are you withdrawing the report?"),
        required_message=_("Enter the reason for withdrawing the report"),
        hint=_("Everyone who sees the report reads this beside it. The report is kept."),
        rows=4,
    )
