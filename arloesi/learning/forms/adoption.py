"""The form that adopts or adapts a published innovation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.learning.vocabulary import AdoptionKind


class AdoptForm(forms.Form):
    kind = fields.choice(
        _("Will you adopt it as it was, or adapt it?"),
        AdoptionKind.choices,
        required_message=_("Select whether you adopt it as it was or adapt it"),
    )
    changes = fields.long_text(
        _("What will you change?"),
        required=False,
        rows=4,
        hint=_("Needed when you adapt it: what you will do differently, and why."),
    )
    collaborative = fields.choice(
        _("Collaborative"),
        required_message=_("Select the collaborative the proposal is for"),
        widget=forms.Select,
    )
    title = fields.text(
        _("Title of your proposal"),
        required_message=_("Enter a title for the proposal"),
        max_length=200,
    )

    def __init__(self, *args, collaboratives, **kwargs):
        super().__init__(*args, **kwargs)
        self._by_id = {str(unit.pk): unit for unit in collaboratives}
        self.fields["collaborative"].choices = [
            (str(unit.pk), f"{unit.name} ({unit.parent.name})" if unit.parent else unit.name)
            for unit in collaboratives
        ]
        if len(collaboratives) == 1:
            self.fields["collaborative"].initial = str(collaboratives[0].pk)

    def clean(self):
        data = super().clean()
        if data.get("kind") == AdoptionKind.ADAPT and not (data.get("changes") or "").strip():
            self.add_error("changes", _("Say what you will change"))
        return data

    def chosen(self):
        return self._by_id[self.cleaned_data["collaborative"]]
