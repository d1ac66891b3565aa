"""Forms of the organisations app, built from core.fields (one wording for each kind of error;
control characters refused everywhere but in passwords, which are only ever hashed)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.organisations.models import Person, SignInActivity
from arloesi.organisations.roles import Role


class SignInForm(forms.Form):
    email = fields.email(_("Email address"), required_message=_("Enter your email address"))
    password = fields.password(_("Password"), required_message=_("Enter your password"))


class PasswordResetRequestForm(forms.Form):
    email = fields.email(_("Email address"), required_message=_("Enter your email address"))


class NewPasswordForm(forms.Form):
    password = fields.password(
        _("New password"),
        required_message=_("Enter a new password"),
        hint=_("At least 12 characters. Avoid common words and your name."),
    )
    password_again = fields.password(
        _("New password again"), required_message=_("Enter the new password again")
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password_again") != data.get("password"):
            self.add_error("password_again", _("The passwords do not match"))
        return data


class AcceptInvitationForm(NewPasswordForm):
    full_name = fields.text(
        _("Full name"), required_message=_("Enter your full name"), max_length=150
    )
    field_order = ["full_name", "password", "password_again"]


class InvitationForm(forms.Form):
    full_name = fields.text(
        _("Full name"), required_message=_("Enter the person's full name"), max_length=150
    )
    email = fields.email(_("Email address"), required_message=_("Enter the person's email address"))
    role = fields.choice(_("Role"), required_message=_("Select a role"))
    language = fields.choice(
        _("Language for the invitation e-mail"),
        Person.Language.choices,
        required_message=_("Select a language"),
    )

    def __init__(self, *args, roles: list[Role], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]
        self.fields["language"].initial = "en"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A CSV or XLSX file, up to 2 MB, with the columns described above."),
        error_messages={
            "required": _("Select a CSV or XLSX file"),
            "empty": _("The selected file is empty"),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The selected file must be smaller than 2 MB"))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("The selected file must be a CSV or XLSX file"))
        return upload


class LanguageForm(forms.Form):
    preferred_language = fields.choice(
        _("Language for pages and e-mails"),
        Person.Language.choices,
        required_message=_("Select a language"),
    )


ANY_OUTCOME = [("", _("Anything"))]


class SignInActivityFilterForm(forms.Form):
    date_from = fields.date(_("From"), required=False)
    date_to = fields.date(_("To"), required=False)
    email = fields.text(_("Email address, or part of it"), required=False, max_length=254)
    outcome = fields.choice(
        _("What happened"),
        ANY_OUTCOME + SignInActivity.Outcome.choices,
        required=False,
        widget=forms.Select,
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date must be the same as or after the start date"))
        return data
