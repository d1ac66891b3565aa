"""Forms for cycles of change: starting a ramp, planning a cycle, and one form for each part of
the PDSA worksheet (plan, do, study, act), each carrying the version it started from."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.projects.cycles import SECTION_FIELDS
from arloesi.projects.vocabulary import ActDecision

NO_RAMP = ""
TYPED = "typed"


def _text(label, hint=None, rows=4):
    return fields.long_text(label, required=False, hint=hint, rows=rows)


def _title():
    return fields.text(
        _("Title"),
        required_message=_("Enter a title for the cycle"),
        hint=_("A short name for the test, like “Try the checklist with one resident”."),
    )


def _dates():
    return (
        fields.date(
            _("Planned start"), required_message=_("Enter the date the cycle is planned to start")
        ),
        fields.date(
            _("Planned end"), required_message=_("Enter the date the cycle is planned to end")
        ),
    )


def _owner():
    return fields.choice(
        _("Who leads the cycle"),
        required=False,
        hint=_("Reminders go to them, or to the project’s lead when nobody is chosen."),
        widget=forms.Select,
    )


class _WithOwner:
    """A form with a choice of who leads the cycle, among the project's team."""

    def set_team(self, team) -> None:
        self.team = {str(person.pk): person for person in team}
        self.fields["owner"].choices = [("", _("Nobody chosen"))] + [
            (str(person.pk), person.full_name) for person in team
        ]

    def chosen_owner(self):
        return self.team.get(self.cleaned_data.get("owner") or "")


class RampStartForm(forms.Form):
    change_idea_node = fields.choice(
        _("Which change idea will the cycles test?"),
        required_message=_("Choose a change idea, or choose to describe one"),
    )
    change_idea = fields.text(
        _("Describe the change idea"),
        required=False,
        hint=_("Only if it is not on the project’s driver diagram."),
    )

    def __init__(self, *args, change_ideas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_idea_node"].choices = [
            (str(node.pk), node.text) for node in change_ideas
        ] + [(TYPED, _("Another change idea (describe it below)"))]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("change_idea_node") == TYPED and not cleaned.get("change_idea", "").strip():
            self.add_error("change_idea", _("Describe the change idea the cycles will test"))
        return cleaned

    def values(self) -> dict:
        node = self.cleaned_data["change_idea_node"]
        if node == TYPED:
            return {"change_idea": self.cleaned_data["change_idea"]}
        return {"diagram_node_id": int(node)}


class CycleNewForm(_WithOwner, forms.Form):
    title = _title()
    ramp = fields.choice(_("Ramp"), required=False, widget=forms.Select)
    owner = _owner()
    objective = _text(_("Objective"), _("What this cycle sets out to learn or test."))
    questions = _text(_("Questions"), _("What you want to find out."))
    predictions = _text(_("Predictions"), _("What you expect to happen, for each question."))
    planned_start_on, planned_end_on = _dates()

    def __init__(self, *args, team, ramps=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_team(team)
        if ramps is None:
            del self.fields["ramp"]
        else:
            self.ramps = {str(ramp.pk): ramp for ramp in ramps}
            self.fields["ramp"].choices = [(NO_RAMP, _("None: a cycle on its own"))] + [
                (str(ramp.pk), ramp.change_idea) for ramp in ramps
            ]

    def chosen_ramp(self):
        return getattr(self, "ramps", {}).get(self.cleaned_data.get("ramp") or "")

    def values(self) -> dict:
        names = ("title", "objective", "questions", "predictions")
        return {
            **{name: self.cleaned_data[name] for name in names},
            "planned_start_on": self.cleaned_data["planned_start_on"],
            "planned_end_on": self.cleaned_data["planned_end_on"],
            "owner": self.chosen_owner(),
        }


class PlanForm(_WithOwner, VersionedForm):
    title = _title()
    owner = _owner()
    objective = _text(_("Objective"), _("What this cycle sets out to learn or test."))
    questions = _text(_("Questions"), _("What you want to find out."))
    predictions = _text(_("Predictions"), _("What you expect to happen, for each question."))
    plan_who = _text(_("Who"), _("Who will carry out the test."), rows=2)
    plan_what = _text(_("What"), _("What will be done."), rows=3)
    plan_where = _text(_("Where"), _("Where it will happen."), rows=2)
    plan_when = _text(_("When"), _("When it will happen, and for how long."), rows=2)
    data_to_collect = _text(
        _("Data to collect"), _("What will be measured or noted to answer the questions.")
    )
    planned_start_on, planned_end_on = _dates()
    edited_fields = SECTION_FIELDS["plan"]

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_team(team)

    @classmethod
    def initial_from(cls, obj) -> dict:
        return {**super().initial_from(obj), "owner": str(obj.owner_id or "")}

    def values(self) -> dict:
        return {**super().values(), "owner": self.chosen_owner()}


class DoForm(VersionedForm):
    do_what_happened = _text(_("What happened"), _("How the test went, against the plan."))
    do_observations = _text(_("Observations"), _("What you noticed, including the unexpected."))
    do_problems = _text(_("Problems"), _("What got in the way."))
    edited_fields = SECTION_FIELDS["do"]


class StudyForm(VersionedForm):
    study_results = _text(
        _("Results against predictions"),
        _("Compare what happened with what you predicted, and say what you learnt."),
        rows=6,
    )
    edited_fields = SECTION_FIELDS["study"]


class ActForm(VersionedForm):
    act_decision = fields.choice(
        _("Decision"),
        [("", _("Not decided yet"))] + list(ActDecision.choices),
        required=False,
        hint=_(
            "Adopt the change as it is, adapt it and test it again, or abandon it. The cycle is "
            "completed when its study and its decision are recorded."
        ),
    )
    act_next = _text(
        _("Next cycle"),
        _("What the next cycle will test (its objective, when you plan it)."),
    )
    edited_fields = SECTION_FIELDS["act"]


SECTION_FORMS = {"plan": PlanForm, "do": DoForm, "study": StudyForm, "act": ActForm}
# The worksheet's four parts, as the page and its forms name them.
SECTION_TITLES = {
    "plan": _("Plan"),
    "do": _("Do"),
    "study": _("Study"),
    "act": _("Act"),
}
