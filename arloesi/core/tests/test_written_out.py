"""The radios and checkboxes ``field`` writes out for speed (core/_written_out.html) are the
NHS.UK components' markup, whatever the indentation: with and without a hint, ticked from the
start or as posted, with an error, with words that need escaping, and with nothing to choose."""

import re

import pytest
from django import forms
from django.template import engines
from django.utils import translation

from arloesi.core import fields

SOURCE = (
    '{% from "nhsuk/components/radios/macro.jinja" import radios %}'
    '{% from "nhsuk/components/checkboxes/macro.jinja" import checkboxes %}'
    '{% from "core/_written_out.html" import choices %}'
    "{% set p = field_params(bf) %}"
    '{{ radios(dict(p, id=none)) if p.component == "radios" else checkboxes(dict(p, id=none)) }}'
    "|{{ choices(p) }}"
)
CHOICES = [("1", "Agree the protocol"), ("2", "Search for <care homes> & “others”"), ("3", "Audit")]


def normalised(html: str) -> str:
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*([<>])\s*", r"\1", html).strip()


def a_form(kind: str, *, choices, data=None, hint=None, required=False):
    class ChoicesForm(forms.Form):
        if kind == "radios":
            choice = fields.choice(
                "Which box",
                choices,
                widget=forms.RadioSelect,
                required=required,
                required_message="Select a box" if required else None,
                hint=hint,
            )
        else:
            choice = fields.choices(
                "Depends on",
                required=required,
                required_message="Select the tasks" if required else None,
                hint=hint,
            )

    form = ChoicesForm(data, initial={"choice": "2" if kind == "radios" else ["2"]})
    form.fields["choice"].choices = choices
    if data is not None:
        form.is_valid()
    return form


@pytest.mark.parametrize("kind", ["radios", "checkboxes"])
@pytest.mark.parametrize(
    "how",
    [
        pytest.param({"choices": CHOICES}, id="ticked from the start"),
        pytest.param({"choices": CHOICES, "hint": "Boxes of this diagram"}, id="with a hint"),
        pytest.param({"choices": CHOICES, "data": {"choice": ["1", "3"]}}, id="as posted"),
        pytest.param(
            {"choices": CHOICES, "data": {"choice": ["9"]}, "hint": "Of this project"},
            id="an error and a hint",
        ),
        pytest.param({"choices": CHOICES, "data": {}, "required": True}, id="an error"),
        pytest.param({"choices": []}, id="nothing to choose"),
    ],
)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_written_out_choices_are_the_components_markup(kind, how, language):
    form = a_form(kind, **how)
    with translation.override(language):
        html = engines["jinja2"].from_string(SOURCE).render({"bf": form["choice"]})
    component, written_out = (normalised(part) for part in html.split("|"))
    assert (
        f'type="{"radio" if kind == "radios" else "checkbox"}"' in component or not how["choices"]
    )
    assert written_out == component


SELECT = (
    '{% from "nhsuk/components/select/macro.jinja" import select %}'
    '{% from "core/_written_out.html" import select as written %}'
    "{% set p = field_params(bf) %}{{ select(p) }}|{{ written(p) }}"
)


@pytest.mark.parametrize(
    "how",
    [
        pytest.param({}, id="chosen from the start"),
        pytest.param({"hint": "Who does it"}, id="with a hint"),
        pytest.param({"data": {"who": "9"}, "hint": "Who does it"}, id="an error and a hint"),
        pytest.param({"data": {}, "required": True}, id="an error"),
    ],
)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_written_out_select_is_the_components_markup(how, language):
    class SelectForm(forms.Form):
        who = fields.choice(
            "Assigned <to>",
            [("", ""), *CHOICES],
            widget=forms.Select,
            required=how.get("required", False),
            required_message="Select someone" if how.get("required") else None,
            hint=how.get("hint"),
        )

    form = SelectForm(how.get("data"), initial={"who": "2"})
    if how.get("data") is not None:
        form.is_valid()
    with translation.override(language):
        html = engines["jinja2"].from_string(SELECT).render({"bf": form["who"]})
    component, written_out = (normalised(part) for part in html.split("|"))
    assert "<option" in component
    assert written_out == component


def test_field_writes_out_plain_choices_and_leaves_the_rest_to_the_components():
    form = a_form("radios", choices=CHOICES)
    template = engines["jinja2"].from_string(
        '{% from "core/_forms.html" import field %}{{ field(bf) }}|{{ field(bf, classes="x") }}'
    )
    plain, with_classes = template.render({"bf": form["choice"]}).split("|")
    # The components indent their markup; the written-out choices do not.
    assert '\n<div class="nhsuk-radios__item"><input' in plain
    assert "nhsuk-radios x" in with_classes or 'class="nhsuk-radios x"' in normalised(with_classes)
