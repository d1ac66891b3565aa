"""What the API's writes take, checked as the pages' forms check it: the same fields of
``core.fields``, so each problem is worded as on the page (in the caller's language).

A request's JSON is read into a form (``bound``); for a partial update only the fields sent
are kept, so what is not sent is not changed.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.proposals.workflow import FundingSource, InnovationType, Novelty

PITCH_TEXT = 1000


def _draft_text(label, *, max_length=fields.LONG_TEXT):
    return fields.long_text(label, required=False, draft=True, max_length=max_length)


def _proposal_title():
    return fields.text(_("Title"), required_message=_("Enter a title for the proposal"))


class ProposalCreateForm(forms.Form):
    title = _proposal_title()
    collaborative_id = fields.choice(
        _("Which professional collaborative is it for?"),
        required_message=_("Select the professional collaborative the proposal is for"),
    )

    def __init__(self, *args, collaboratives, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboratives = {str(unit.pk): unit for unit in collaboratives}
        self.fields["collaborative_id"].choices = [(str(c.pk), c.name) for c in collaboratives]

    def chosen(self):
        return self.collaboratives[self.cleaned_data["collaborative_id"]]


class ProposalUpdateForm(forms.Form):
    """What the authors write, as the task list's sections take it."""

    title = _proposal_title()
    problem = _draft_text(_("The problem"))
    evidence = _draft_text(_("Evidence for the problem"))
    population = _draft_text(_("Who it is for"))
    affects_vulnerable_groups = forms.BooleanField(
        label=_("It reaches vulnerable groups"), required=False
    )
    vulnerable_groups_notes = _draft_text(_("How it reaches vulnerable groups"))
    innovation_type = fields.choice(
        _("Kind of innovation"), InnovationType.choices, required=False, draft=True
    )
    novelty = fields.choice(
        _("Is it new, or an improvement on something that exists?"),
        Novelty.choices,
        required=False,
        draft=True,
    )
    pitch_hook = _draft_text(_("Hook"), max_length=PITCH_TEXT)
    pitch_problem = _draft_text(_("Problem"), max_length=PITCH_TEXT)
    pitch_solution = _draft_text(_("Solution"), max_length=PITCH_TEXT)
    pitch_ask = _draft_text(_("Ask"), max_length=PITCH_TEXT)
    value_for_whom = _draft_text(_("For whom"), max_length=PITCH_TEXT)
    value_need = _draft_text(_("The need"), max_length=PITCH_TEXT)
    value_offer = _draft_text(_("The offer"), max_length=PITCH_TEXT)
    value_benefit = _draft_text(_("The benefit"), max_length=PITCH_TEXT)
    value_unlike = _draft_text(_("Unlike what exists today"), max_length=PITCH_TEXT)
    funding_amount = fields.money(
        _("Money needed, in pounds"), name=_("Money needed"), required=False, draft=True
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

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        for name in list(self.fields):
            if name not in data:
                del self.fields[name]

    def values(self) -> dict:
        return dict(self.cleaned_data)


class MilestoneForm(forms.Form):
    title = fields.text(_("Milestone"), required_message=_("Enter the milestone"))
    due_on = fields.date(_("Due date"), required_message=_("Enter the date it is due"))


class CycleForm(forms.Form):
    title = fields.text(_("Title"), required_message=_("Enter a title for the cycle"))
    objective = fields.long_text(_("Objective"), required=False)
    questions = fields.long_text(_("Questions"), required=False)
    predictions = fields.long_text(_("Predictions"), required=False)
    planned_start_on = fields.date(
        _("Planned start"), required_message=_("Enter the date the cycle is planned to start")
    )
    planned_end_on = fields.date(
        _("Planned end"), required_message=_("Enter the date the cycle is planned to end")
    )


def bound[F: forms.Form](form_class: type[F], payload: dict, **kwargs) -> F:
    """``form_class`` reading the JSON ``payload`` as a page's form reads a post: values as
    text (``None`` as empty), booleans as checkboxes."""
    data = {}
    for name, value in payload.items():
        if value is None:
            data[name] = ""
        elif isinstance(value, bool):
            data[name] = "on" if value else ""
        else:
            data[name] = str(value)
    return form_class(data, **kwargs)
