from django import forms

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
