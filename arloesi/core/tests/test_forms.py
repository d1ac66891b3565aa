from django import forms

from arloesi.core import fields
from arloesi.core.forms import field_params


class Choices(forms.Form):
    several = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def test_a_multiple_choice_is_checkboxes_and_a_single_choice_radios():
    form = Choices()
    # CheckboxSelectMultiple is a subclass of RadioSelect in Django.
    assert field_params(form["several"])["component"] == "checkboxes"
    assert field_params(form["one"])["component"] == "radios"


class Name(forms.Form):
    name = fields.text("Name", required_message="Enter a name", max_length=50)


def test_typed_text_with_control_characters_is_refused_but_tabs_and_new_lines_are_kept():
    refused = Name({"name": "Nia\x1b[31m Nurse"})
    assert not refused.is_valid()
    assert "Remove the hidden control characters" in refused.errors["name"][0]
    kept = Name({"name": "Nia\tNurse"})
    assert kept.is_valid()
    assert kept.cleaned_data["name"] == "Nia\tNurse"


def test_a_field_in_error_says_error_in_the_pages_language():
    from django.utils import translation

    class NameForm(forms.Form):
        name = fields.text("Name", required_message="Enter your name")

    form = NameForm({"name": ""})
    assert not form.is_valid()
    with translation.override("cy"):
        params = field_params(form["name"])
        assert str(params["errorMessage"]["visuallyHiddenText"]) == "Gwall"
