"""Forms for capacity: a person's (or group's) hours a month of a skill, an absence, and a health
board's offer to a cluster for named priorities. Months are given as any day of the month."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.delivery.vocabulary import GroupKind

MONTH_HINT = _("Any day in the month: the whole month counts.")


class DeclarationForm(forms.Form):
    cluster = fields.choice(
        _("Cluster"), widget=forms.Select, required_message=_("Select the cluster")
    )
    skill = fields.choice(_("Skill"), widget=forms.Select, required_message=_("Select the skill"))
    hours_per_month = fields.hours(
        _("Hours a month"),
        required_message=_("Enter the hours a month you can give"),
        hint=_("Hours a month you can give to improvement work with this skill."),
    )
    from_month = fields.date(
        _("From"), required_message=_("Enter the first month"), hint=MONTH_HINT
    )
    to_month = fields.date(
        _("Until"), required=False, hint=_("Leave empty if there is no end in sight.")
    )

    def __init__(self, *args, clusters=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.clusters = {str(unit.pk): unit for unit in clusters}
        self.skills = {str(skill.pk): skill for skill in skills}
        self.fields["cluster"].choices = [("", "")] + [
            (key, unit.name) for key, unit in self.clusters.items()
        ]
        self.fields["skill"].choices = [("", "")] + [
            (key, skill.name) for key, skill in self.skills.items()
        ]

    def clean(self):
        data = super().clean()
        first, last = data.get("from_month"), data.get("to_month")
        if first and last and last < first:
            self.add_error("to_month", _("The last month must be on or after the first"))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "cluster": self.clusters[data["cluster"]],
            "skill": self.skills[data["skill"]],
            "hours_per_month": data["hours_per_month"],
            "from_month": data["from_month"],
            "to_month": data.get("to_month"),
        }


class DeclarationEditForm(VersionedForm):
    """Changes the skill, hours and months of hours already given (the cluster stays)."""

    edited_fields = ("hours_per_month", "from_month", "to_month")

    skill = DeclarationForm.base_fields["skill"]
    hours_per_month = DeclarationForm.base_fields["hours_per_month"]
    from_month = DeclarationForm.base_fields["from_month"]
    to_month = DeclarationForm.base_fields["to_month"]

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = {str(skill.pk): skill for skill in skills}
        self.fields["skill"].choices = [("", "")] + [
            (key, skill.name) for key, skill in self.skills.items()
        ]

    @classmethod
    def initial_for(cls, declaration) -> dict:
        return {**cls.initial_from(declaration), "skill": str(declaration.skill_id)}

    def clean(self):
        data = super().clean()
        first, last = data.get("from_month"), data.get("to_month")
        if first and last and last < first:
            self.add_error("to_month", _("The last month must be on or after the first"))
        return data

    def values(self) -> dict:
        return {**super().values(), "skill": self.skills[self.cleaned_data["skill"]]}


class AbsenceForm(forms.Form):
    first_day = fields.date(_("First day away"), required_message=_("Enter the first day away"))
    last_day = fields.date(_("Last day away"), required_message=_("Enter the last day away"))
    note = fields.text(_("Note"), required=False, max_length=200, hint=_("For example, leave."))

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day must be on or after the first"))
        return data


class OfferForm(forms.Form):
    skill = fields.choice(_("Skill"), widget=forms.Select, required_message=_("Select the skill"))
    hours_per_month = fields.hours(
        _("Hours a month"), required_message=_("Enter the hours a month offered")
    )
    from_month = fields.date(
        _("From"), required_message=_("Enter the first month"), hint=MONTH_HINT
    )
    to_month = fields.date(_("Until"), required_message=_("Enter the last month"))
    priorities = fields.choices(
        _("For the local priorities"),
        required_message=_("Select the priorities the offer is for"),
        hint=_("The hours count only for tasks serving these priorities."),
    )
    note = fields.long_text(_("Note"), required=False, max_length=1000, rows=2)

    def __init__(self, *args, skills=(), priorities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = {str(skill.pk): skill for skill in skills}
        self.priority_objects = {str(p.pk): p for p in priorities}
        self.fields["skill"].choices = [("", "")] + [
            (key, skill.name) for key, skill in self.skills.items()
        ]
        self.fields["priorities"].choices = [
            (key, p.title) for key, p in self.priority_objects.items()
        ]

    def clean(self):
        data = super().clean()
        first, last = data.get("from_month"), data.get("to_month")
        if first and last and last < first:
            self.add_error("to_month", _("The last month must be on or after the first"))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "skill": self.skills[data["skill"]],
            "hours_per_month": data["hours_per_month"],
            "from_month": data["from_month"],
            "to_month": data["to_month"],
            "priorities": [self.priority_objects[key] for key in data["priorities"]],
            "note": data["note"],
        }


class GroupForm(forms.Form):
    """A new group of the cluster's people."""

    name = fields.text(_("Name of the group"), max_length=200, required_message=_("Enter a name"))
    kind = fields.choice(
        _("Kind of group"), GroupKind.choices, required_message=_("Select the kind of group")
    )
    lead = fields.choice(
        _("Group lead"),
        required=False,
        widget=forms.Select,
        hint=_("The lead declares the group’s capacity."),
    )
    members = fields.choices(_("Members"), required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in people}
        options = [(key, person.full_name) for key, person in self.people.items()]
        self.fields["lead"].choices = [("", "")] + options
        self.fields["members"].choices = options

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "kind": data["kind"],
            "lead": self.people.get(data["lead"] or ""),
            "members": [self.people[key] for key in data["members"]],
        }
