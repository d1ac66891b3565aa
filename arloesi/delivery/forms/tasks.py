"""Forms for tasks: a task (what, who, the skills and hours it needs, when, what it waits for and
the priorities it serves) and a move of its status. Choices come from the cluster's lists (given
by the view from the selectors); a chosen id is turned back into its object here."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import STALE_PAGE, VersionedForm
from arloesi.delivery.vocabulary import TaskStatus

# Rows for needs on the form: a task rarely needs more than four skills.
NEED_ROWS = 4
BENEFITS = [(str(n), str(n)) for n in range(1, 6)]


class TaskForm(VersionedForm):
    edited_fields = ("title", "description", "starts_on", "due_on")

    title = fields.text(
        _("What is the task?"),
        max_length=200,
        required_message=_("Enter what the task is"),
    )
    description = fields.long_text(_("Description"), required=False, max_length=4000, rows=3)
    assigned_person = fields.choice(
        _("Assigned to (person)"),
        required=False,
        widget=forms.Select,
        hint=_("Leave empty until the work is allocated."),
    )
    assigned_group = fields.choice(_("Assigned to (group)"), required=False, widget=forms.Select)
    starts_on = fields.date(
        _("Earliest start"), required_message=_("Enter the earliest date the task can start")
    )
    due_on = fields.date(_("Due date"), required_message=_("Enter the date the task is due"))
    dependencies = fields.choices(
        _("Depends on"),
        required=False,
        hint=_("Open tasks of the same project that must be done before this one can start."),
    )
    priorities = fields.choices(_("Local priorities it serves"), required=False)
    expected_benefit = fields.choice(
        _("Expected benefit"),
        BENEFITS,
        required_message=_("Select the expected benefit, from 1 to 5"),
        hint=_("From 1 (a little) to 5 (a great deal): used to rank the work."),
    )

    def __init__(self, *args, skills=(), people=(), groups=(), tasks=(), priorities=(), **kw):
        super().__init__(*args, **kw)
        self.skills = {str(skill.pk): skill for skill in skills}
        self.people = {str(person.pk): person for person in people}
        self.groups = {str(group.pk): group for group in groups}
        self.tasks = {str(task.pk): task for task in tasks}
        self.priority_objects = {str(priority.pk): priority for priority in priorities}
        self.fields["assigned_person"].choices = [("", "")] + [
            (key, person.full_name) for key, person in self.people.items()
        ]
        self.fields["assigned_group"].choices = [("", "")] + [
            (key, group.name) for key, group in self.groups.items()
        ]
        self.fields["dependencies"].choices = [
            (key, task.title) for key, task in self.tasks.items()
        ]
        self.fields["priorities"].choices = [
            (key, priority.title) for key, priority in self.priority_objects.items()
        ]
        skill_choices = [("", "")] + [(key, skill.name) for key, skill in self.skills.items()]
        for row in range(1, NEED_ROWS + 1):
            self.fields[f"skill_{row}"] = fields.choice(
                _("Skill"), skill_choices, required=False, widget=forms.Select
            )
            self.fields[f"hours_{row}"] = fields.hours(_("Hours"), required=False)

    @classmethod
    def initial_for(cls, task, *, needs, dependency_ids, priority_ids) -> dict:
        initial = cls.initial_from(task)
        initial.update(
            assigned_person=task.assigned_person_id or "",
            assigned_group=task.assigned_group_id or "",
            expected_benefit=str(task.expected_benefit),
            dependencies=[str(pk) for pk in dependency_ids],
            priorities=[str(pk) for pk in priority_ids],
        )
        for row, need in enumerate(needs, start=1):
            initial[f"skill_{row}"] = str(need.skill_id)
            initial[f"hours_{row}"] = need.hours
        return initial

    def need_rows(self) -> list[tuple]:
        return [(self[f"skill_{row}"], self[f"hours_{row}"]) for row in range(1, NEED_ROWS + 1)]

    def clean(self):
        data = super().clean()
        first, last = data.get("starts_on"), data.get("due_on")
        if first and last and last < first:
            self.add_error("due_on", _("The due date must be on or after the earliest start"))
        needs = []
        for row in range(1, NEED_ROWS + 1):
            skill, hours = data.get(f"skill_{row}"), data.get(f"hours_{row}")
            if skill and not hours:
                self.add_error(f"hours_{row}", _("Enter the hours of this skill the task needs"))
            elif hours and not skill:
                self.add_error(f"skill_{row}", _("Select the skill these hours are for"))
            elif skill and hours:
                needs.append((self.skills[skill], hours))
        if not needs and not any(f"skill_{row}" in self.errors for row in range(1, NEED_ROWS + 1)):
            self.add_error("skill_1", _("Enter the skills the task needs and their hours"))
        data["needs"] = needs
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            **super().values(),
            "needs": data["needs"],
            "assigned_person": self.people.get(data.get("assigned_person") or ""),
            "assigned_group": self.groups.get(data.get("assigned_group") or ""),
            "dependencies": [self.tasks[key] for key in data.get("dependencies", [])],
            "priorities": [self.priority_objects[key] for key in data.get("priorities", [])],
            "expected_benefit": int(data["expected_benefit"]),
        }


class TaskStatusForm(forms.Form):
    # The status the person saw: when someone moved the task meanwhile, nothing happens.
    from_status = fields.choice(
        _("Status"), TaskStatus.choices, widget=forms.HiddenInput, required_message=STALE_PAGE
    )
    to_status = fields.choice(
        _("Move the task to"), TaskStatus.choices, required_message=_("Select the new status")
    )
    reason = fields.long_text(_("Why?"), required=False, max_length=1000, rows=2)
