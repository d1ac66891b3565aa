"""Forms for learning records: starting one, writing the draft (with its tags and the charts it
shows), adding a translation once it is published, and the reason for returning or withdrawing
one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.learning.models import RecordTag
from arloesi.learning.selectors.records import TAG_CHOICES

LANGUAGES = (("en", _("English")), ("cy", _("Welsh")))
TAG_FIELDS = {
    RecordTag.Kind.PRIORITY: "priority_areas",
    RecordTag.Kind.INNOVATION: "innovation_kinds",
    RecordTag.Kind.PROFESSION: "professions",
    RecordTag.Kind.POPULATION: "population_groups",
}


class RecordStartForm(forms.Form):
    ramp = fields.choice(
        _("What is the record about?"),
        required_message=_("Select the whole project or a ramp of PDSA cycles"),
    )
    language = fields.choice(
        _("Language of the record"),
        LANGUAGES,
        required_message=_("Select English or Welsh"),
        hint=_("The record is written in one language; its title and summary can be in both."),
    )
    title = fields.text(
        _("Title"), required=False, hint=_("Leave it empty to use the project’s title.")
    )

    def __init__(self, *args, project, ramps, **kwargs):
        super().__init__(*args, **kwargs)
        options = [(str(ramp.pk), ramp.change_idea) for ramp in ramps]
        if project.status == "closed":
            options.insert(0, ("project", _("The whole project, now it has closed")))
        self.fields["ramp"].choices = options
        self._ramps = {str(ramp.pk): ramp for ramp in ramps}

    def chosen_ramp(self):
        return self._ramps.get(self.cleaned_data["ramp"])


def _text(label, hint=None, rows=5):
    return fields.long_text(label, required=False, draft=True, rows=rows, hint=hint)


class RecordEditForm(VersionedForm):
    edited_fields = (
        "title_en",
        "title_cy",
        "summary_en",
        "summary_cy",
        "tried",
        "worked",
        "did_not_work",
        "why",
        "results",
        "costs",
        "costs_notes",
        "recommendations",
    )

    title_en = fields.text(_("Title in English"), required=False, max_length=200)
    title_cy = fields.text(_("Title in Welsh"), required=False, max_length=200)
    summary_en = _text(
        _("Summary in English"),
        _("A few sentences for someone deciding whether to read on."),
        rows=3,
    )
    summary_cy = _text(_("Summary in Welsh"), rows=3)
    tried = _text(_("What was tried"))
    worked = _text(_("What worked"))
    did_not_work = _text(_("What did not work"))
    why = _text(_("Why"), _("Why you think it worked, or did not."))
    results = _text(_("Results"), _("What the measures showed. Choose the charts to show below."))
    measures = fields.choices(_("Charts to show with the results"), required=False)
    costs = fields.money(_("Costs (£)"), required=False, hint=_("What the project cost in all."))
    costs_notes = _text(_("Notes on costs"), rows=3)
    recommendations = _text(
        _("Recommendations for others"),
        _("What would you tell a cluster that wants to do the same?"),
    )
    priority_areas = fields.choices(
        _("Priority areas"), TAG_CHOICES[RecordTag.Kind.PRIORITY].choices, required=False
    )
    innovation_kinds = fields.choices(
        _("Kinds of innovation"), TAG_CHOICES[RecordTag.Kind.INNOVATION].choices, required=False
    )
    professions = fields.choices(
        _("Professions involved"), TAG_CHOICES[RecordTag.Kind.PROFESSION].choices, required=False
    )
    population_groups = fields.choices(
        _("Population groups"), TAG_CHOICES[RecordTag.Kind.POPULATION].choices, required=False
    )

    def __init__(self, *args, project_measures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].choices = [(str(m.pk), m.name) for m in project_measures]

    @classmethod
    def initial_for(cls, record, tags: dict, measure_ids: list[int]) -> dict:
        initial = cls.initial_from(record)
        for kind, name in TAG_FIELDS.items():
            initial[name] = tags.get(kind, [])
        initial["measures"] = [str(pk) for pk in measure_ids]
        return initial

    def tags(self) -> dict[str, list[str]]:
        return {kind: list(self.cleaned_data[name]) for kind, name in TAG_FIELDS.items()}

    def measure_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["measures"]]


class RecordTranslationForm(VersionedForm):
    """Once published, only the title and summary change: a translation added later."""

    edited_fields = ("title_en", "title_cy", "summary_en", "summary_cy")

    title_en = RecordEditForm.base_fields["title_en"]
    title_cy = RecordEditForm.base_fields["title_cy"]
    summary_en = RecordEditForm.base_fields["summary_en"]
    summary_cy = RecordEditForm.base_fields["summary_cy"]


class ReturnForm(forms.Form):
    reason = fields.long_text(
        _("What should the team change?"),
        required_message=_("Say what the team should change"),
        rows=4,
    )


class WithdrawForm(forms.Form):
    reason = fields.long_text(
        _("Why is the record being withdrawn?"),
        required_message=_("Enter the reason for withdrawing the record"),
        rows=4,
    )
