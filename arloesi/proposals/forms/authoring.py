"""Forms for writing a proposal, one short form per section.

A draft may be saved half-written: screening (workflow.screen) decides what is missing when the
authors submit. So most fields here may be left empty, yet they are not marked "(optional)",
because every one of them is needed before submission (``NeededToSubmit``).
"""

from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from arloesi.organisations.roles import Profession
from arloesi.proposals.attachments import WRONG_TYPE
from arloesi.proposals.workflow import EvaluationApproach, FundingSource, InnovationType, Novelty

LONG_TEXT = 5000
PITCH_TEXT = 1000
SHORT_TEXT = 200


class NeededToSubmit:
    """A field that may be saved empty in a draft but is needed to submit."""

    def validate(self, value):
        if value in self.empty_values:
            return
        super().validate(value)


class TextField(NeededToSubmit, forms.CharField):
    pass


class ChoiceField(NeededToSubmit, forms.ChoiceField):
    pass


class DecimalField(NeededToSubmit, forms.DecimalField):
    pass


class IntegerField(NeededToSubmit, forms.IntegerField):
    pass


class MultipleChoiceField(NeededToSubmit, forms.MultipleChoiceField):
    pass


def text(label, *, max_length=LONG_TEXT, hint=None, rows=5, name=None):
    """A textarea with its own "too long" message."""
    return TextField(
        label=label,
        help_text=hint,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": _too_long(name or label, max_length)},
    )


def _too_long_text(name, limit: int) -> str:
    return _("“%(field)s” must be %(limit)s characters or fewer") % {
        "field": name,
        "limit": formats.number_format(limit, force_grouping=True),
    }


# Built when shown, so the message is in the reader's language.
_too_long = lazy(_too_long_text, str)


class VersionedForm(forms.Form):
    """Carries the version the person started from (core.audit refuses a stale save)."""

    expected_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("This page was out of date. Open the section again to make changes"),
            "invalid": _("This page was out of date. Open the section again to make changes"),
            "min_value": _("This page was out of date. Open the section again to make changes"),
        },
    )

    section_fields: tuple[str, ...] = ()

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.section_fields}


class TitleForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        help_text=_("A short name people will recognise, like “Eye checks at the flu clinic”."),
        max_length=200,
        error_messages={
            "required": _("Enter a title for the proposal"),
            "max_length": _("Title must be 200 characters or fewer"),
        },
    )


class ProposalStartForm(TitleForm):
    collaborative = forms.ChoiceField(
        label=_("Which professional collaborative is it for?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the professional collaborative the proposal is for"),
            "invalid_choice": _("Select one of the professional collaboratives listed"),
        },
    )

    def __init__(self, *args, collaboratives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collaborative"].choices = [(str(c.pk), c.name) for c in collaboratives]
        if len(collaboratives) == 1:
            self.fields["collaborative"].initial = str(collaboratives[0].pk)


class ProblemForm(VersionedForm, TitleForm):
    problem = text(
        _("The problem"),
        hint=_("What is wrong today, for whom, and how often. Describe it without naming anyone."),
    )
    evidence = text(
        _("Evidence for the problem"),
        hint=_("Figures, audits, complaints or plans that show the problem is real."),
    )
    section_fields = ("title", "problem", "evidence")
    field_order = ["title", "problem", "evidence"]


class PeopleForm(VersionedForm):
    population = text(
        _("Who it is for"),
        hint=_("The people who will benefit, like “older people living alone in the cluster”."),
    )
    affects_vulnerable_groups = forms.BooleanField(
        label=_("It reaches vulnerable groups"),
        required=False,
    )
    vulnerable_groups_notes = text(
        _("How it reaches vulnerable groups"),
        hint=_("Needed if it reaches vulnerable groups: who they are and what changes for them."),
    )
    section_fields = ("population", "affects_vulnerable_groups", "vulnerable_groups_notes")


class InnovationForm(VersionedForm):
    innovation_type = ChoiceField(
        label=_("Kind of innovation"),
        help_text=_("The World Health Organization’s kinds of health innovation (2016)."),
        choices=InnovationType.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select one of the kinds of innovation listed")},
    )
    novelty = ChoiceField(
        label=_("Is it new, or an improvement on something that exists?"),
        choices=Novelty.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select new or improved")},
    )
    section_fields = ("innovation_type", "novelty")


PITCH_FIELDS = ("pitch_hook", "pitch_problem", "pitch_solution", "pitch_ask")


class PitchForm(VersionedForm):
    pitch_hook = text(
        _("Hook"),
        max_length=PITCH_TEXT,
        rows=3,
        name=_("The hook"),
        hint=_(
            "One or two sentences that make people want to hear more: a striking fact or "
            "a short story."
        ),
    )
    pitch_problem = text(
        _("Problem"),
        max_length=PITCH_TEXT,
        rows=3,
        name=_("The problem"),
        hint=_("The problem in a sentence or two, in words anyone would understand."),
    )
    pitch_solution = text(
        _("Solution"),
        max_length=PITCH_TEXT,
        rows=3,
        name=_("The solution"),
        hint=_("What you will do, and why it will work."),
    )
    pitch_ask = text(
        _("Ask"),
        max_length=PITCH_TEXT,
        rows=3,
        name=_("The ask"),
        hint=_("What you need from the planning group: money, time, people or permission."),
    )
    section_fields = PITCH_FIELDS


class PitchCountForm(forms.Form):
    """The pitch as typed so far, for the live word count (never saved)."""

    pitch_hook = forms.CharField(required=False, max_length=PITCH_TEXT * 2)
    pitch_problem = forms.CharField(required=False, max_length=PITCH_TEXT * 2)
    pitch_solution = forms.CharField(required=False, max_length=PITCH_TEXT * 2)
    pitch_ask = forms.CharField(required=False, max_length=PITCH_TEXT * 2)


class ValueForm(VersionedForm):
    value_for_whom = text(
        _("For whom"),
        max_length=PITCH_TEXT,
        rows=2,
        name=_("For whom"),
        hint=_("The people or teams the value is for."),
    )
    value_need = text(
        _("The need"),
        max_length=PITCH_TEXT,
        rows=2,
        hint=_("What they need, or what gets in their way today."),
    )
    value_offer = text(
        _("The offer"),
        max_length=PITCH_TEXT,
        rows=2,
        hint=_("What the proposal gives them."),
    )
    value_benefit = text(
        _("The benefit"),
        max_length=PITCH_TEXT,
        rows=2,
        hint=_("What will be better for them, ideally something that can be measured."),
    )
    value_unlike = text(
        _("Unlike what exists today"),
        max_length=PITCH_TEXT,
        rows=2,
        hint=_("How it differs from what they have or do now."),
    )
    section_fields = (
        "value_for_whom",
        "value_need",
        "value_offer",
        "value_benefit",
        "value_unlike",
    )


class FundingForm(VersionedForm):
    funding_amount = DecimalField(
        label=_("Money needed, in pounds"),
        help_text=_("Enter 0 if it needs no money."),
        min_value=Decimal(0),
        max_value=Decimal("9999999999.99"),
        decimal_places=2,
        localize=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "invalid": _("Enter the money needed as a number of pounds, like 4500 or 4500.50"),
            "min_value": _("The money needed must be 0 or more"),
            "max_value": _("The money needed must be less than £10,000,000,000"),
            "max_decimal_places": _("Enter the money needed in pounds and pence, like 4500.50"),
            "max_digits": _("The money needed must be less than £10,000,000,000"),
        },
    )
    funding_source = ChoiceField(
        label=_("Where is the money sought from?"),
        choices=FundingSource.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select one of the sources listed")},
    )
    funding_source_other = TextField(
        label=_("If other, where from"),
        max_length=SHORT_TEXT,
        error_messages={"max_length": _("The other source must be 200 characters or fewer")},
    )
    duration_months = IntegerField(
        label=_("How many months will the work take?"),
        min_value=1,
        max_value=120,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter the number of months as a whole number, like 6"),
            "min_value": _("The work must take at least 1 month"),
            "max_value": _("The work must take 120 months or fewer"),
        },
    )
    section_fields = ("funding_amount", "funding_source", "funding_source_other", "duration_months")

    def values(self) -> dict:
        values = super().values()
        values["funding_source"] = values["funding_source"] or ""
        return values


class EvaluationForm(VersionedForm):
    objectives = text(_("Objectives"), hint=_("What the evaluation will find out."))
    baseline = text(
        _("Baseline"), hint=_("How things are now, which the results will be compared with.")
    )
    success_measures = text(
        _("Measures that will show success"),
        hint=_("What will be counted or asked, like “falls per 1,000 people aged over 75”."),
    )
    approach = ChoiceField(
        label=_("Approach"),
        help_text=_(
            "Formative evaluation improves the work while it runs; summative evaluation judges "
            "it at the end."
        ),
        choices=EvaluationApproach.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select one of the approaches listed")},
    )
    timescale = TextField(
        label=_("Timescale"),
        help_text=_("When the evaluation starts and when it reports, like “over 12 months”."),
        max_length=SHORT_TEXT,
        error_messages={"max_length": _("Timescale must be 200 characters or fewer")},
    )
    evaluator = TextField(
        label=_("Who will evaluate"),
        help_text=_("A person, a role or a team, like “the cluster’s evaluation lead”."),
        max_length=SHORT_TEXT,
        error_messages={"max_length": _("Who will evaluate must be 200 characters or fewer")},
    )
    section_fields = (
        "objectives",
        "baseline",
        "success_measures",
        "approach",
        "timescale",
        "evaluator",
    )

    def values(self) -> dict:
        values = super().values()
        values["approach"] = values["approach"] or ""
        return values


class PrioritiesForm(forms.Form):
    priorities = MultipleChoiceField(
        label=_("Which local priorities does it serve?"),
        help_text=_("Select all that apply. At least one is needed to submit."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select priorities from the list")},
    )

    def __init__(self, *args, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].choices = [
            (str(p.pk), f"{p.title} ({p.unit.name})") for p in priorities
        ]


class SponsorForm(forms.Form):
    collaborative = forms.ChoiceField(
        label=_("Professional collaborative"),
        help_text=_("Collaboratives are listed by cluster."),
        error_messages={
            "required": _("Select a professional collaborative"),
            "invalid_choice": _("Select one of the professional collaboratives listed"),
        },
    )

    def __init__(self, *args, collaboratives, **kwargs):
        super().__init__(*args, **kwargs)
        groups: dict[str, list] = {}
        for unit in collaboratives:
            groups.setdefault(unit.parent.name, []).append((str(unit.pk), unit.name))
        self.fields["collaborative"].choices = [
            ("", str(_("Choose a collaborative"))),
            *groups.items(),
        ]


class AuthorForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the co-author"),
        help_text=_("They must already be able to sign in to Arloesi."),
        max_length=254,
        error_messages={
            "required": _("Enter the co-author’s email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Email address must be 254 characters or fewer"),
        },
    )


class NeedForm(forms.Form):
    profession = forms.ChoiceField(
        label=_("Profession"),
        choices=[("", _("Choose a profession")), *Profession.choices],
        error_messages={
            "required": _("Select a profession"),
            "invalid_choice": _("Select one of the professions listed"),
        },
    )
    skill = forms.CharField(
        label=_("Skill"),
        help_text=_("For example “prescribing” or “data analysis”."),
        required=False,
        max_length=SHORT_TEXT,
        error_messages={"max_length": _("Skill must be 200 characters or fewer")},
    )
    hours = forms.IntegerField(
        label=_("Hours"),
        min_value=1,
        max_value=100000,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Enter the number of hours"),
            "invalid": _("Enter the hours as a whole number, like 20"),
            "min_value": _("Hours must be 1 or more"),
            "max_value": _("Hours must be 100,000 or fewer"),
        },
    )


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
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.csv,.txt"}
        ),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing it?"),
        help_text=_("The planning group and your co-authors will see this."),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say why you are withdrawing the proposal"),
            "max_length": _("The reason must be 5,000 characters or fewer"),
        },
    )


class ResponseForm(forms.Form):
    response = forms.CharField(
        label=_("What have you changed?"),
        help_text=_("Answer what the planning group asked for. The chair will see this."),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Say what you have changed in response"),
            "max_length": _("The response must be 5,000 characters or fewer"),
        },
    )
