"""At the door: invitation and reset links, sign-in throttling, and the sign-in activity that
administrators read."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from arloesi.core import permissions
from arloesi.organisations.models import (
    OrganisationUnit,
    Person,
    SignInActivity,
)
from arloesi.organisations.roles import Kind, Perm


def person_get_for_reset_token(*, uid: str, token: str) -> Person | None:
    """The active person a password reset link is for, if its token is still good."""
    try:
        person = Person.objects.get(pk=int(force_str(urlsafe_base64_decode(uid))), is_active=True)
    except (ValueError, TypeError, OverflowError, Person.DoesNotExist):
        return None
    return person if default_token_generator.check_token(person, token) else None


# --- Sign-in throttling -----------------------------------------------------------------------


def sign_in_throttled(*, email: str, ip_address: str | None) -> str | None:
    """Why sign-in is refused for now, or None: "account" after too many failures for this
    address since the later of the window's start and the account's last successful sign-in;
    "client" after too many failures from this client address within the window. Unknown
    addresses are counted the same way as known ones."""
    window_start = timezone.now() - timedelta(minutes=settings.SIGN_IN_FAILURE_WINDOW_MINUTES)
    last_sign_in = Person.objects.filter(email=email).values_list("last_login", flat=True).first()
    since = max(window_start, last_sign_in) if last_sign_in else window_start
    failures = SignInActivity.objects.filter(outcome=SignInActivity.Outcome.SIGN_IN_FAILED)
    if failures.filter(email=email, at__gt=since).count() >= settings.SIGN_IN_MAX_FAILURES:
        return "account"
    if ip_address and (
        failures.filter(ip_address=ip_address, at__gt=window_start).count()
        >= settings.SIGN_IN_MAX_FAILURES_PER_CLIENT
    ):
        return "client"
    return None


# --- Sign-in activity (administrators) --------------------------------------------------------

SIGN_IN_ACTIVITY_PER_PAGE = 50


def sign_in_activity_for(*, user, date_from=None, date_to=None, email: str = "", outcome: str = ""):
    """Everything that happened at the door, newest first, filtered; only for administrators
    (404 for anyone else). Dates are whole days in the service's time zone."""
    if not permissions.can_anywhere(user, Perm.VIEW_SIGN_IN_ACTIVITY):
        raise Http404
    activity = SignInActivity.objects.select_related("person")
    if date_from:
        activity = activity.filter(at__date__gte=date_from)
    if date_to:
        activity = activity.filter(at__date__lte=date_to)
    if email:
        activity = activity.filter(email__contains=email.strip().lower())
    if outcome:
        activity = activity.filter(outcome=outcome)
    return activity.order_by("-at", "-id")


def sign_in_activity_page(*, user, page: str | int | None = None, **filters):
    return Paginator(
        sign_in_activity_for(user=user, **filters), SIGN_IN_ACTIVITY_PER_PAGE
    ).get_page(page)


def sign_in_activity_subject(*, user) -> OrganisationUnit:
    """What an export of sign-in activity is recorded against: Wales, where administrators
    hold their role."""
    if not permissions.can_anywhere(user, Perm.VIEW_SIGN_IN_ACTIVITY):
        raise Http404
    return OrganisationUnit.objects.get(kind=Kind.WALES)
