"""Forms of the review pages: priorities, intake and criteria, reviewers, scores, decisions.

Each field has its own error messages; the views pass what the services refuse back to the form
(``add_error``) so a refused form is shown again with everything the person typed.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.proposals import scoring
from arloesi.proposals.models import LocalPriority
from arloesi.proposals.workflow import Outcome

TEXT_LIMIT = 5000
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    """The browser's own date picker; typed dates in the day/month/year order are accepted too."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _date_field(label, *, required: bool, required_message=None, **kwargs) -> forms.DateField:
    messages = {"invalid": _("Enter a real date, for example 31/3/2026")}
    if required_message:
        messages["required"] = required_message
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=DateInput,
        error_messages=messages,
        **kwargs,
    )


def _text(label, *, required: bool, required_message=None, limit=TEXT_LIMIT, **kwargs):
    # Django fills in %(limit_value)d when it shows the message.
    messages = {"max_length": _("This must be %(limit_value)d characters or fewer")}
    if required_message:
        messages["required"] = required_message
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=messages,
        **kwargs,
    )


# --- Local priorities -------------------------------------------------------------------------


class PriorityForm(forms.Form):
    title_en = forms.CharField(
        label=_("Title in English"),
        max_length=200,
        error_messages={
            "required": _("Enter the title of the priority in English"),
            "max_length": _("The title must be 200 characters or fewer"),
        },
    )
    title_cy = forms.CharField(
        label=_("Title in Welsh"),
        max_length=200,
        error_messages={
            "required": _("Enter the title of the priority in Welsh"),
            "max_length": _("The title must be 200 characters or fewer"),
        },
    )
    description = _text(_("Description"), required=False)
    source_plan = forms.ChoiceField(
        label=_("Which plan does it come from?"),
        choices=LocalPriority.SourcePlan.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the plan the priority comes from"),
            "invalid_choice": _("Select one of the plans listed"),
        },
    )
    period_start = _date_field(
        _("Start date"), required=True, required_message=_("Enter the date the priority starts")
    )
    period_end = _date_field(
        _("End date"), required=True, required_message=_("Enter the date the priority ends")
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date must be on or after the start date"))
        return data


# --- Intake and criteria ----------------------------------------------------------------------


class IntakeOpenForm(forms.Form):
    closes_on = _date_field(
        _("Closing date"),
        required=False,
        help_text=_(
            "The intake closes at the end of this day. Leave it empty to close it yourself."
        ),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on and closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date must be today or in the future"))
        return closes_on

    def closes_at(self) -> datetime | None:
        closes_on: date | None = self.cleaned_data.get("closes_on")
        if closes_on is None:
            return None
        return timezone.make_aware(datetime.combine(closes_on + timedelta(days=1), time.min))


class CriterionForm(forms.Form):
    name_en = forms.CharField(
        label=_("Name in English"),
        max_length=200,
        error_messages={
            "required": _("Enter the name of the criterion in English"),
            "max_length": _("The name must be 200 characters or fewer"),
        },
    )
    name_cy = forms.CharField(
        label=_("Name in Welsh"),
        max_length=200,
        error_messages={
            "required": _("Enter the name of the criterion in Welsh"),
            "max_length": _("The name must be 200 characters or fewer"),
        },
    )
    weight = forms.DecimalField(
        label=_("Weight"),
        help_text=_(
            "Weights are relative: a criterion weighted 20 counts twice as much as one weighted 10."
        ),
        min_value=Decimal("0.01"),
        max_value=Decimal("999.99"),
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "required": _("Enter a weight"),
            "invalid": _("Enter the weight as a number, like 15"),
            "min_value": _("The weight must be more than 0"),
            "max_value": _("The weight must be 999.99 or less"),
            "max_digits": _("The weight must be 999.99 or less"),
            "max_whole_digits": _("The weight must be 999.99 or less"),
            "max_decimal_places": _("Give the weight with no more than 2 decimal places"),
        },
    )


# --- Reviewers --------------------------------------------------------------------------------


class AssignReviewerForm(forms.Form):
    reviewer = forms.TypedChoiceField(
        label=_("Reviewer"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select a member of the planning group to review the proposal"),
            "invalid_choice": _("Select one of the members listed"),
        },
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {person.pk: person for person in candidates}
        self.fields["reviewer"].choices = [(person.pk, person.full_name) for person in candidates]

    def person(self):
        return self.candidates[self.cleaned_data["reviewer"]]


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest in this proposal?"),
        help_text=_(
            "For example, you or someone close to you would gain from it, or you helped write "
            "it. If you declare a conflict you will not score the proposal, and you cannot take "
            "the declaration back."
        ),
        choices=[
            ("yes", _("Yes, I have a conflict of interest")),
            ("no", _("No, I do not have a conflict of interest")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether you have a conflict of interest"),
            "invalid_choice": _("Select whether you have a conflict of interest"),
        },
    )
    details = _text(_("Describe the conflict of interest"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not data.get("details", "").strip():
            self.add_error("details", _("Describe your conflict of interest"))
        return data


SCORE_CHOICES = [
    (str(value), str(value)) for value in range(scoring.MIN_SCORE, scoring.MAX_SCORE + 1)
]


class ScoresForm(forms.Form):
    """A score from 1 to 5 and a comment for every criterion of the proposal's intake."""

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = scores or {}
        for criterion in self.criteria:
            name = criterion.name
            existing = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score for “%(criterion)s”") % {"criterion": name},
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=str(existing.value) if existing else None,
                error_messages={
                    "required": _("Select a score for “%(criterion)s”") % {"criterion": name},
                    "invalid_choice": _("Select a score from 1 to 5 for “%(criterion)s”")
                    % {"criterion": name},
                },
            )
            self.fields[f"comment_{criterion.pk}"] = _text(
                _("Comment on “%(criterion)s”") % {"criterion": name},
                required=True,
                required_message=_("Write a comment on your score for “%(criterion)s”")
                % {"criterion": name},
                initial=existing.comment if existing else None,
            )

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def scored(self):
        """(criterion, value, comment) for every criterion, once the form is valid."""
        return [
            (
                criterion,
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
        ]


class NoteForm(forms.Form):
    text = _text(
        _("Add a private note"),
        required=True,
        required_message=_("Write the note before you save it"),
        help_text=_("Only you will ever see your notes: not the chair, nor the authors."),
    )


# --- Decision ---------------------------------------------------------------------------------


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select a decision"),
            "invalid_choice": _("Select one of the decisions listed"),
        },
    )
    rationale = _text(
        _("Reasons for the decision"),
        required=True,
        required_message=_("Give the reasons for the decision"),
        help_text=_("The authors will see these."),
    )
    conditions = _text(
        _("Conditions"),
        required=False,
        help_text=_("Only for an approval with conditions: what must be done, and by when."),
    )
    feedback = _text(
        _("Feedback for the authors"),
        required=False,
        help_text=_(
            "What the authors should do next. When you ask for more information, say what the "
            "planning group needs to know."
        ),
    )
    meeting_reference = forms.CharField(
        label=_("Meeting at which the decision was taken"),
        required=False,
        max_length=200,
        help_text=_("For example, the title of the meeting or its minutes reference."),
        error_messages={"max_length": _("The meeting must be 200 characters or fewer")},
    )
    meeting_date = _date_field(_("Date of the meeting"), required=False)

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        conditions = data.get("conditions", "").strip()
        if outcome == Outcome.APPROVED_WITH_CONDITIONS and not conditions:
            self.add_error("conditions", _("Enter the conditions of the approval"))
        elif outcome and outcome != Outcome.APPROVED_WITH_CONDITIONS and conditions:
            self.add_error(
                "conditions",
                _("Remove the conditions, or choose “Approved with conditions”"),
            )
        if outcome == Outcome.MORE_INFORMATION_REQUESTED and not data.get("feedback", "").strip():
            self.add_error("feedback", _("Say what information the planning group needs"))
        meeting_date = data.get("meeting_date")
        if meeting_date and meeting_date > timezone.localdate():
            self.add_error("meeting_date", _("The date of the meeting must be today or earlier"))
        return data
