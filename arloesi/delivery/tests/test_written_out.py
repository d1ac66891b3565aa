"""What the long delivery pages write out by hand for speed must read the same as what it
replaces: long lists of checkboxes (an allocation's lines, the tasks a task may depend on:
delivery/_checkboxes.html) stay the NHS.UK component's markup, and the task tables' dates are
the ``date`` filter's."""

import re

import pytest
from django import forms
from django.template import engines

from arloesi.core import fields

SOURCE = (
    '{% from "core/_forms.html" import field %}'
    '{% from "delivery/_checkboxes.html" import many_checkboxes %}'
    "{{ field(form.tasks) }}|{{ many_checkboxes(form.tasks) }}"
)


def normalised(html: str) -> str:
    """The same markup whatever the indentation and line breaks."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*([<>])\s*", r"\1", html).strip()


def both(form: forms.Form) -> tuple[str, str]:
    component, written_out = engines["jinja2"].from_string(SOURCE).render({"form": form}).split("|")
    return normalised(component), normalised(written_out)


def a_form(*, choices, data=None, hint=None, required=False):
    class TasksForm(forms.Form):
        tasks = fields.choices(
            "Depends on",
            required=required,
            required_message="Select the tasks" if required else None,
            hint=hint,
        )

    form = TasksForm(data, initial={"tasks": ["2"]})
    form.fields["tasks"].choices = choices
    if data is not None:
        form.is_valid()
    return form


CHOICES = [("1", "Agree the protocol"), ("2", "Search for <care homes> & “others”"), ("3", "Audit")]


@pytest.mark.parametrize(
    "how",
    [
        pytest.param({"choices": CHOICES}, id="ticked from the start"),
        pytest.param({"choices": CHOICES, "hint": "Tasks of this project"}, id="with a hint"),
        pytest.param({"choices": CHOICES, "data": {"tasks": ["1", "3"]}}, id="as posted"),
        pytest.param(
            {"choices": CHOICES, "data": {"tasks": ["9"]}, "hint": "Tasks of this project"},
            id="an error and a hint",
        ),
        pytest.param({"choices": CHOICES, "data": {}, "required": True}, id="an error"),
        pytest.param({"choices": []}, id="nothing to choose"),
    ],
)
def test_the_written_out_checkboxes_are_the_components_markup(how):
    form = a_form(**how)
    component, written_out = both(form)
    assert 'type="checkbox"' in component or not form.fields["tasks"].choices
    assert written_out == component


@pytest.mark.parametrize("language", ["en", "cy"])
def test_task_tables_write_dates_as_the_date_filter_does(language):
    """The task tables write their hundreds of dates without the filter, the same way."""
    from datetime import date, timedelta

    from django.utils import translation

    from arloesi.core.jinja import date_format
    from arloesi.delivery.selectors.tasks import DateWriter

    with translation.override(language):
        written = DateWriter()
        days = [date(2025, 1, 1) + timedelta(days=n) for n in range(0, 365, 9)]
        assert [written(day) for day in days] == [date_format(day) for day in days]
