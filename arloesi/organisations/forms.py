from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core.forms import TextField
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role

EMAIL_MESSAGES = {
    "required": _("Enter your email address"),
    "invalid": _("Enter an email address in the correct format, like name@example.com"),
    "max_length": _("Email address must be 254 characters or fewer"),
}


class SignInForm(forms.Form):
    email = forms.EmailField(
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
    email = forms.EmailField(
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
    full_name = TextField(
        label=_("Full name"),
        max_length=150,
        error_messages={
            "required": _("Enter your full name"),
            "max_length": _("Full name must be 150 characters or fewer"),
        },
    )
    field_order = ["full_name", "password", "password_again"]


class InvitationForm(forms.Form):
    full_name = TextField(
        label=_("Full name"),
        max_length=150,
        error_messages={
            "required": _("Enter the person's full name"),
            "max_length": _("Full name must be 150 characters or fewer"),
        },
    )
    email = forms.EmailField(
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
