"""Django's own messages that can appear on Arloesi pages, listed for the Welsh catalogue.

Django's Welsh (cy) catalogue lacks these, leaves them empty, or words them against the
Arloesi style (e.g. "ebost" where Arloesi writes "e-bost"). Listing them here puts them in
arloesi/locale/django.pot when `make messages` runs; the Arloesi catalogue (LOCALE_PATHS)
takes precedence over Django's, so its Welsh translations are the ones shown.

Each msgid must be exactly Django's. arloesi/core/tests/test_translations.py checks them
against Django's English catalogue, so a Django upgrade that rewords one fails the build.
Nothing imports this module: it exists only to be extracted.
"""

from django.utils.translation import gettext_noop


def ngettext_noop(singular: str, plural: str) -> str:
    """Mark a plural message for extraction (Django has no ngettext_noop)."""
    return singular


DJANGO_STRINGS = (
    # django.contrib.auth.password_validation (AUTH_PASSWORD_VALIDATORS in settings)
    ngettext_noop(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    # django.core.validators: every forms.CharField prohibits null characters
    gettext_noop("Null characters are not allowed."),
    # django.forms.fields: fallbacks for fields without their own error_messages;
    # Django's Welsh words these against the Arloesi style guide
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
)
