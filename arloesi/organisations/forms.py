"""Forms of the organisations app. Text people type refuses control characters with core's
message (core.text); passwords are exempt: they are only ever hashed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core.text import validate_no_control_characters
from arloesi.organisations.models import Person, SignInActivity
from arloesi.organisations.roles import Role

NO_CONTROL_CHARACTERS = [validate_no_control_characters]

EMAIL_MESSAGES = {
    "required": _("Enter your email address"),
    "invalid": _("Enter an email address in the correct format, like name@example.com"),
    "max_length": _("Email address must be 254 characters or fewer"),
}


class EmailAddressField(forms.EmailField):
    """An e-mail address. One with control characters gets core's message alone: ``validate``
    runs before the format check and, when it refuses, the format check does not run."""

    def validate(self, value):
        super().validate(value)
        validate_no_control_characters(value)


class SignInForm(forms.Form):
    email = EmailAddressField(
        label=_("Email address"), max_length=254, error_messages=EMAIL_MESSAGES
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput,
        error_messages={"required": _("Enter your password")},
    )


class PasswordResetRequestForm(forms.Form):
    email = EmailAddressField(
        label=_("Email address"), max_length=254, error_messages=EMAIL_MESSAGES
    )


class NewPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("New password"),
        help_text=_("At least 12 characters. Avoid common words and your name."),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput,
        error_messages={"required": _("Enter a new password")},
    )
    password_again = forms.CharField(
        label=_("New password again"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput,
        error_messages={"required": _("Enter the new password again")},
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password_again") != data.get("password"):
            self.add_error("password_again", _("The passwords do not match"))
        return data


class AcceptInvitationForm(NewPasswordForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        validators=NO_CONTROL_CHARACTERS,
        error_messages={
            "required": _("Enter your full name"),
            "max_length": _("Full name must be 150 characters or fewer"),
        },
    )
    field_order = ["full_name", "password", "password_again"]


class InvitationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        validators=NO_CONTROL_CHARACTERS,
        error_messages={
            "required": _("Enter the person's full name"),
            "max_length": _("Full name must be 150 characters or fewer"),
        },
    )
    email = EmailAddressField(
        label=_("Email address"),
        max_length=254,
        error_messages={**EMAIL_MESSAGES, "required": _("Enter the person's email address")},
    )
    role = forms.ChoiceField(
        label=_("Role"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select a role"),
            "invalid_choice": _("Select one of the roles listed"),
        },
    )
    language = forms.ChoiceField(
        label=_("Language for the invitation e-mail"),
        choices=Person.Language.choices,
        initial="en",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a language")},
    )

    def __init__(self, *args, roles: list[Role], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]


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
    preferred_language = forms.ChoiceField(
        label=_("Language for pages and e-mails"),
        choices=Person.Language.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a language")},
    )


class DateInput(forms.DateInput):
    """A browser's date picker (type="date"), which sends the date as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


ANY_OUTCOME = [("", _("Anything"))]


class SignInActivityFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=DateInput,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter the date the list starts from, like 2026-04-01")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=DateInput,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter the date the list ends on, like 2026-04-30")},
    )
    email = forms.CharField(
        label=_("Email address, or part of it"),
        required=False,
        max_length=254,
        validators=NO_CONTROL_CHARACTERS,
        error_messages={"max_length": _("Email address must be 254 characters or fewer")},
    )
    outcome = forms.ChoiceField(
        label=_("What happened"),
        required=False,
        choices=ANY_OUTCOME + SignInActivity.Outcome.choices,
        error_messages={"invalid_choice": _("Select one of the things listed")},
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date must be the same as or after the start date"))
        return data
