"""The spreadsheet administrators download of sign-in activity."""

from django.utils.translation import gettext_lazy as _

from arloesi.core.exports import Column

SIGN_IN_ACTIVITY_COLUMNS = [
    Column(_("When"), lambda activity: activity.at),
    Column(_("Email address"), lambda activity: activity.email),
    Column(_("What happened"), lambda activity: activity.get_outcome_display()),
    Column(_("Person"), lambda activity: activity.person.full_name if activity.person else ""),
    Column(_("Client address"), lambda activity: activity.ip_address),
]
