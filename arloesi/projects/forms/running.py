"""Forms for running a project: its plan, RAG status, stage, milestones, progress updates and
conditions of approval. Edits of a saved object carry its version (``VersionedForm``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import STALE_PAGE, VersionedForm
from arloesi.projects.vocabulary import Outcome, Rag, Stage

UPDATE_MAX_LENGTH = 2000


def _check_dates(form: forms.Form, start: str, end: str, message) -> None:
    first, last = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if first and last and last < first:
        form.add_error(end, message)


class PlanForm(VersionedForm):
    edited_fields = ("starts_on", "planned_end_on")

    starts_on = fields.date(_("Start date"), required=False)
    planned_end_on = fields.date(_("Planned end date"), required=False)
    lead = fields.choice(
        _("Who leads the project"),
        required_message=_("Select someone on the project’s team to lead it"),
        widget=forms.Select,
        coerce=int,
        hint=_("Anyone on the project’s team."),
    )

    def __init__(self, *args, team=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].choices = [("", "")] + [
            (member.person_id, member.person.full_name) for member in team
        ]

    def clean(self):
        data = super().clean()
        _check_dates(
            self,
            "starts_on",
            "planned_end_on",
            _("The planned end date must be on or after the start date"),
        )
        return data


class RagForm(VersionedForm):
    edited_fields = ("rag",)

    rag = fields.choice(
        _("RAG status"),
        Rag.choices,
        required_message=_("Select red, amber or green"),
        hint=_("Red: the project will not deliver without help. Amber: at risk, with a plan to "
               "recover. Green: on plan."),
    )  # fmt: skip
    reason = fields.long_text(
        _("Why this status?"),
        max_length=1000,
        rows=3,
        required_message=_("Enter the reason for the RAG status"),
        hint=_("Everyone who sees the project reads this beside the status."),
    )


class StageForm(forms.Form):
    # The stage the person saw: when someone moved the project meanwhile, nothing happens.
    from_stage = fields.choice(
        _("Stage"), Stage.choices, widget=forms.HiddenInput, required_message=STALE_PAGE
    )
    to_stage = fields.choice(
        _("Move the project to"), required_message=_("Select the stage to move the project to")
    )
    reason = fields.long_text(_("Why now?"), required=False, max_length=1000, rows=3)
    outcome = fields.choice(
        _("How did the project end?"),
        Outcome.choices,
        required=False,
        hint=_("Only when you close the project."),
    )
    outcome_reasons = fields.long_text(
        _("Reasons for the outcome"),
        required=False,
        max_length=5000,
        rows=4,
        hint=_("Only when you close the project: what the evaluation showed, and why."),
    )

    def __init__(self, *args, next_stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = list(next_stages)

    def clean(self):
        data = super().clean()
        if data.get("to_stage") == Stage.CLOSED:
            if not data.get("outcome"):
                self.add_error("outcome", _("Select how the project ended"))
            if not data.get("outcome_reasons"):
                self.add_error("outcome_reasons", _("Enter the reasons for the outcome"))
        return data


class MilestoneForm(forms.Form):
    title = fields.text(_("Milestone"), required_message=_("Enter the milestone"))
    due_on = fields.date(_("Due date"), required_message=_("Enter the date it is due"))


class MilestoneEditForm(VersionedForm):
    edited_fields = ("title", "due_on", "done_on")

    title = fields.text(_("Milestone"), required_message=_("Enter the milestone"))
    due_on = fields.date(_("Due date"), required_message=_("Enter the date it is due"))
    done_on = fields.date(
        _("Date done"), required=False, hint=_("Leave it empty while the milestone is not done.")
    )


class MilestoneDoneForm(VersionedForm):
    """The "Mark as done" and "Mark as not done" buttons."""

    done = fields.choice(
        _("Done"),
        [("yes", _("Done")), ("no", _("Not done"))],
        widget=forms.HiddenInput,
        required_message=STALE_PAGE,
    )


class ProgressUpdateForm(forms.Form):
    text = fields.long_text(
        _("How is the project going?"),
        max_length=UPDATE_MAX_LENGTH,
        rows=5,
        required_message=_("Write how the project is going"),
        hint=_("A few sentences: what happened since the last update, and what comes next. Do not "
               "include patient-identifiable information."),
    )  # fmt: skip


class ConditionCloseForm(VersionedForm):
    edited_fields = ("how_met",)

    how_met = fields.long_text(
        _("How was the condition met?"),
        max_length=5000,
        rows=4,
        required_message=_("Enter how the condition was met"),
    )


class ConditionReopenForm(VersionedForm):
    """The "Open again" button: only the version the page showed."""
