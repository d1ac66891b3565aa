"""The form a person creates a token with (account page)."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.api.vocabulary import Scope
from arloesi.core import fields


class TokenForm(forms.Form):
    name = fields.text(
        _("Name"),
        required_message=_("Enter a name for the token"),
        hint=_("What the token is for, like “Monthly data from the practice system”."),
        max_length=100,
    )
    expires_on = fields.date(
        _("Expiry date"),
        required_message=_("Enter the date the token expires"),
        hint=_("At most a year from today. For example, 31/3/2026."),
    )
    scope = fields.choice(
        _("What may the token do?"),
        Scope.choices,
        required_message=_("Select what the token may do"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + timedelta(days=90)
        self.fields["scope"].initial = Scope.READ
