"""Forms for writing a proposal: one short form per section, and the authors' other pages.

A draft may be saved half-written: screening (``workflow.screen``) decides what is missing when
the authors submit. So most fields here are *draft* fields (``core.fields``): they may be saved
empty, yet they are not marked "(optional)", because each is needed before submission.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.organisations.roles import Profession
from arloesi.proposals.files import ACCEPT, WRONG_TYPE
from arloesi.proposals.sections import (
    EVALUATION_FIELDS,
    FUNDING_FIELDS,
    PITCH_FIELDS,
    VALUE_FIELDS,
)
from arloesi.proposals.workflow import EvaluationApproach, FundingSource, InnovationType, Novelty

PITCH_TEXT = 1000


def _draft_text(label, hint=None, *, max_length=fields.LONG_TEXT, rows=5):
    return fields.long_text(
        label, required=False, draft=True, hint=hint, max_length=max_length, rows=rows
    )


def _title():
    return fields.text(
        _("Title"),
        required_message=_("Enter a title for the proposal"),
        hint=_("A short name people will recognise, like “Eye checks at the flu clinic”."),
    )


class ProposalStartForm(forms.Form):
    title = _title()
    collaborative = fields.choice(
        _("Which professional collaborative is it for?"),
        required_message=_("Select the professional collaborative the proposal is for"),
    )

    def __init__(self, *args, collaboratives, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboratives = {str(unit.pk): unit for unit in collaboratives}
        self.fields["collaborative"].choices = [(str(c.pk), c.name) for c in collaboratives]
        if len(collaboratives) == 1:
            self.fields["collaborative"].initial = str(collaboratives[0].pk)

    def chosen(self):
        return self.collaboratives[self.cleaned_data["collaborative"]]


class ProblemForm(VersionedForm):
    title = _title()
    problem = _draft_text(
        _("The problem"),
        _("What is wrong today, for whom, and how often. Describe it without naming anyone."),
    )
    evidence = _draft_text(
        _("Evidence for the problem"),
        _("Figures, audits, complaints or plans that show the problem is real."),
    )
    edited_fields = ("title", "problem", "evidence")


class PeopleForm(VersionedForm):
    population = _draft_text(
        _("Who it is for"),
        _("The people who will benefit, like “older people living alone in the cluster”."),
    )
    affects_vulnerable_groups = forms.BooleanField(
        label=_("It reaches vulnerable groups"), required=False
    )
    vulnerable_groups_notes = _draft_text(
        _("How it reaches vulnerable groups"),
        _("Needed if it reaches vulnerable groups: who they are and what changes for them."),
    )
    edited_fields = ("population", "affects_vulnerable_groups", "vulnerable_groups_notes")


class InnovationForm(VersionedForm):
    innovation_type = fields.choice(
        _("Kind of innovation"),
        InnovationType.choices,
        required=False,
        draft=True,
        hint=_("The World Health Organization’s kinds of health innovation (2016)."),
    )
    novelty = fields.choice(
        _("Is it new, or an improvement on something that exists?"),
        Novelty.choices,
        required=False,
        draft=True,
    )
    edited_fields = ("innovation_type", "novelty")


class PitchForm(VersionedForm):
    pitch_hook = _draft_text(
        _("Hook"),
        _(
            "One or two sentences that make people want to hear more: a striking fact or a "
            "short story."
        ),
        max_length=PITCH_TEXT,
        rows=3,
    )
    pitch_problem = _draft_text(
        _("Problem"),
        _("The problem in a sentence or two, in words anyone would understand."),
        max_length=PITCH_TEXT,
        rows=3,
    )
    pitch_solution = _draft_text(
        _("Solution"), _("What you will do, and why it will work."), max_length=PITCH_TEXT, rows=3
    )
    pitch_ask = _draft_text(
        _("Ask"),
        _("What you need from the planning group: money, time, people or permission."),
        max_length=PITCH_TEXT,
        rows=3,
    )
    edited_fields = PITCH_FIELDS


class PitchCountForm(forms.Form):
    """The pitch as typed so far, for the live word count (never saved)."""

    pitch_hook = forms.CharField(required=False, max_length=PITCH_TEXT * 2)
    pitch_problem = forms.CharField(required=False, max_length=PITCH_TEXT * 2)
    pitch_solution = forms.CharField(required=False, max_length=PITCH_TEXT * 2)
    pitch_ask = forms.CharField(required=False, max_length=PITCH_TEXT * 2)

    def texts(self) -> list[str]:
        data = self.cleaned_data if self.is_valid() else {}
        return [data.get(name, "") for name in PITCH_FIELDS]


class ValueForm(VersionedForm):
    value_for_whom = _draft_text(
        _("For whom"), _("The people or teams the value is for."), max_length=PITCH_TEXT, rows=2
    )
    value_need = _draft_text(
        _("The need"),
        _("What they need, or what gets in their way today."),
        max_length=PITCH_TEXT,
        rows=2,
    )
    value_offer = _draft_text(
        _("The offer"), _("What the proposal gives them."), max_length=PITCH_TEXT, rows=2
    )
    value_benefit = _draft_text(
        _("The benefit"),
        _("What will be better for them, ideally something that can be measured."),
        max_length=PITCH_TEXT,
        rows=2,
    )
    value_unlike = _draft_text(
        _("Unlike what exists today"),
        _("How it differs from what they have or do now."),
        max_length=PITCH_TEXT,
        rows=2,
    )
    edited_fields = VALUE_FIELDS


class FundingForm(VersionedForm):
    funding_amount = fields.money(
        _("Money needed, in pounds"),
        name=_("Money needed"),
        required=False,
        draft=True,
        hint=_("Enter 0 if it needs no money."),
    )
    funding_source = fields.choice(
        _("Where is the money sought from?"), FundingSource.choices, required=False, draft=True
    )
    funding_source_other = fields.text(
        _("If other, where from"), name=_("Other source"), required=False, draft=True
    )
    duration_months = fields.whole_number(
        _("How many months will the work take?"),
        name=_("Number of months"),
        min_value=1,
        max_value=120,
        required=False,
        draft=True,
    )
    edited_fields = FUNDING_FIELDS

    def values(self) -> dict:
        values = super().values()
        values["funding_source"] = values["funding_source"] or ""
        return values


class EvaluationForm(VersionedForm):
    objectives = _draft_text(_("Objectives"), _("What the evaluation will find out."))
    baseline = _draft_text(
        _("Baseline"), _("How things are now, which the results will be compared with.")
    )
    success_measures = _draft_text(
        _("Measures that will show success"),
        _("What will be counted or asked, like “falls per 1,000 people aged over 75”."),
    )
    approach = fields.choice(
        _("Approach"),
        EvaluationApproach.choices,
        required=False,
        draft=True,
        hint=_(
            "Formative evaluation improves the work while it runs; summative evaluation judges "
            "it at the end."
        ),
    )
    timescale = fields.text(
        _("Timescale"),
        required=False,
        draft=True,
        hint=_("When the evaluation starts and when it reports, like “over 12 months”."),
    )
    evaluator = fields.text(
        _("Who will evaluate"),
        required=False,
        draft=True,
        hint=_("A person, a role or a team, like “the cluster’s evaluation lead”."),
    )
    edited_fields = EVALUATION_FIELDS

    def values(self) -> dict:
        values = super().values()
        values["approach"] = values["approach"] or ""
        return values


# The sections written on the shared section page, each with its form.
SECTION_FORMS: dict[str, type[VersionedForm]] = {
    "problem": ProblemForm,
    "people": PeopleForm,
    "innovation": InnovationForm,
    "pitch": PitchForm,
    "value": ValueForm,
    "funding": FundingForm,
    "evaluation": EvaluationForm,
}


class PrioritiesForm(forms.Form):
    priorities = fields.choices(
        _("Which local priorities does it serve?"),
        required=False,
        draft=True,
        hint=_("Select all that apply. At least one is needed to submit."),
    )

    def __init__(self, *args, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.available = {str(p.pk): p for p in priorities}
        self.fields["priorities"].choices = [
            (str(p.pk), f"{p.title} ({p.unit.name})") for p in priorities
        ]

    def chosen(self) -> list:
        wanted = set(self.cleaned_data["priorities"])
        return [priority for key, priority in self.available.items() if key in wanted]


class SponsorForm(forms.Form):
    collaborative = fields.choice(
        _("Professional collaborative"),
        required_message=_("Select a professional collaborative"),
        hint=_("Collaboratives are listed by cluster."),
        widget=forms.Select,
    )

    def __init__(self, *args, collaboratives, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboratives = {str(unit.pk): unit for unit in collaboratives}
        groups: dict[str, list] = {}
        for unit in collaboratives:
            groups.setdefault(unit.parent.name, []).append((str(unit.pk), unit.name))
        self.fields["collaborative"].choices = [
            ("", str(_("Choose a collaborative"))),
            *groups.items(),
        ]

    def chosen(self):
        return self.collaboratives[self.cleaned_data["collaborative"]]


class CoAuthorForm(forms.Form):
    email = fields.email(
        _("Email address of the co-author"),
        required_message=_("Enter the co-author’s email address"),
        hint=_("They are asked to accept. They become a co-author when they do."),
    )


class NeedForm(forms.Form):
    profession = fields.choice(
        _("Profession"),
        [("", _("Choose a profession")), *Profession.choices],
        required_message=_("Select a profession"),
        widget=forms.Select,
    )
    skill = fields.text(
        _("Skill"), required=False, hint=_("For example “prescribing” or “data analysis”.")
    )
    hours = fields.hours(_("Hours"), required_message=_("Enter the number of hours"))


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, PPTX, PNG, JPG, CSV or TXT, smaller than 5 MB."),
        max_length=200,
        error_messages={
            "required": _("Select a file"),
            "empty": _("The selected file is empty"),
            "invalid": WRONG_TYPE,
            "max_length": _("The file name must be 200 characters or fewer"),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


class WithdrawForm(forms.Form):
    reason = fields.long_text(
        _("Why are you withdrawing it?"),
        required_message=_("Say why you are withdrawing the proposal"),
        hint=_("The planning group and your co-authors will see this."),
        rows=4,
    )


class ResubmitForm(forms.Form):
    response = fields.long_text(
        _("What have you changed?"),
        required_message=_("Say what you have changed in response"),
        hint=_("Answer what the planning group asked for. The chair will see this."),
    )
