"""The one set of form fields: each kind of error has one wording, naming the field, in English
and Welsh; hidden control characters are refused; draft fields are not marked optional."""

from django import forms
from django.utils import translation

from arloesi.core import fields
from arloesi.core.forms import field_params


class Example(forms.Form):
    title = fields.text("Title", required_message="Enter a title")
    notes = fields.long_text("Notes", required=False, max_length=10)
    started = fields.date("Start date", required=False)
    cost = fields.money("Money needed, in pounds", name="Money needed", required=False)
    hours = fields.hours("Hours", required=False)
    weight = fields.decimal("Weight", min_value=1, max_value=100, required=False)
    email = fields.email("Email address", required=False)
    pitch = fields.long_text("Pitch", required=False, draft=True)


def errors(**data):
    form = Example({"title": "A title", **data})
    form.is_valid()
    return {name: " ".join(messages) for name, messages in form.errors.items()}


def test_each_kind_of_error_has_one_wording_naming_the_field():
    assert errors(title="") == {"title": "Enter a title"}
    assert errors(notes="x" * 11) == {"notes": "“Notes” must be 10 characters or fewer"}
    assert errors(started="2026-02-31") == {"started": "Enter a real date, for example 31/3/2026"}
    assert errors(cost="lots") == {
        "cost": "Enter “Money needed” as an amount in pounds, like 4500 or 4500.50"
    }
    assert errors(cost="-1") == {"cost": "“Money needed” must be £0 or more"}
    assert errors(hours="0") == {"hours": "“Hours” must be 1 or more"}
    assert errors(hours="100001") == {"hours": "“Hours” must be 100,000 or fewer"}
    assert errors(weight="0.5") == {"weight": "“Weight” must be between 1 and 100"}
    assert errors(email="not an address") == {
        "email": "Enter an email address in the correct format, like name@example.com"
    }


def test_numbers_and_dates_no_one_means_are_not_real():
    assert set(errors(cost="1e309", hours="NaN", weight="Infinity", started="0001-01-01")) == {
        "cost",
        "hours",
        "weight",
        "started",
    }
    assert "cost" in errors(cost="99999999999")


def test_hidden_control_characters_are_refused_in_every_text_field():
    said = errors(title="Eye \x1b[31mchecks", notes="a\x00b", email="a\x07@example.org")
    assert set(said) == {"title", "notes", "email"}
    assert said["title"].startswith("Remove the hidden control characters")
    assert errors(notes="a\r\nb\tc") == {}


def test_the_messages_are_in_welsh_for_a_welsh_reader():
    with translation.override("cy"):
        assert errors(hours="lots") == {"hours": "Nodwch “Hours” fel rhif cyfan, fel 20"}
        assert errors(started="31/2/2026")["started"].startswith("Nodwch ddyddiad go iawn")


def test_a_draft_field_may_be_empty_but_is_not_marked_optional():
    form = Example({"title": "A title"})
    assert form.is_valid()
    assert field_params(form["pitch"])["label"]["text"] == "Pitch"
    assert field_params(form["notes"])["label"]["text"] == "Notes (optional)"
