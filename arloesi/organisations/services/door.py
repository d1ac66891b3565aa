"""At the door: sign-in, sign-out, password resets and changes, and the record of each.

Every attempt is kept as a ``SignInActivity`` row and an audit event whose object is that row,
so an attempt with an address that has no account is kept without creating a person."""

from dataclasses import dataclass

from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from arloesi.core import audit
from arloesi.organisations import selectors, tasks
from arloesi.organisations.models import Person, SignInActivity


def normalised_email(email: str) -> str:
    return email.strip().lower()[:254]


def activity_record(
    *,
    email: str,
    ip_address: str | None,
    outcome: str,
    person: Person | None = None,
    actor: Person | None = None,
) -> SignInActivity:
    """Keep what happened at the door, and put it in the audit trail (its object is the
    activity row, so an address with no account needs no person)."""
    activity = SignInActivity.objects.create(
        email=normalised_email(email), person=person, ip_address=ip_address, outcome=outcome
    )
    audit.record(actor=actor, obj=activity, action=outcome)
    return activity


@dataclass(frozen=True)
class SignInResult:
    person: Person | None = None
    # Why sign-in was refused without checking the password: "account" or "client".
    throttled: str | None = None


@transaction.atomic
def person_sign_in(*, email: str, password: str, ip_address: str | None) -> SignInResult:
    """Check the password unless too many attempts have failed; record the outcome.

    An unknown address takes the same path as a known one: the same queries, one password hash
    (Django's ModelBackend hashes the password it is given when no account matches), the same
    records and the same answer as a wrong password."""
    email = normalised_email(email)
    owner = Person.objects.filter(email=email).first()
    throttled = selectors.sign_in_throttled(email=email, ip_address=ip_address)
    if throttled:
        activity_record(
            email=email,
            ip_address=ip_address,
            outcome=SignInActivity.Outcome.SIGN_IN_REFUSED,
            person=owner,
        )
        return SignInResult(throttled=throttled)
    person = authenticate(None, username=email, password=password)
    outcome = SignInActivity.Outcome.SIGNED_IN if person else SignInActivity.Outcome.SIGN_IN_FAILED
    activity_record(email=email, ip_address=ip_address, outcome=outcome, person=owner, actor=person)
    return SignInResult(person=person)


def person_sign_out(*, person: Person, ip_address: str | None, timed_out: bool = False) -> None:
    """Record a sign-out (the view or the idle-session middleware ends the session)."""
    activity_record(
        email=person.email,
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.TIMED_OUT
        if timed_out
        else SignInActivity.Outcome.SIGNED_OUT,
        person=person,
        actor=person,
    )


@transaction.atomic
def password_reset_request(*, email: str, ip_address: str | None) -> None:
    """E-mail a reset link if the address belongs to an active person; say nothing either way.
    The same work is done for an address with no account: one record, one task (which then
    sends nothing). The task is given the person's id; it makes the link itself."""
    email = normalised_email(email)
    person = Person.objects.filter(email=email, is_active=True).first()
    activity_record(
        email=email,
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.PASSWORD_RESET_REQUESTED,
        person=person,
    )
    tasks.password_reset_email_send.enqueue(person_id=person.pk if person else None)


def password_acceptable(password: str, person: Person) -> None:
    """Django's password rules, their refusal on the form's password field."""
    try:
        validate_password(password, person)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error


@transaction.atomic
def password_set(*, person: Person, password: str, ip_address: str | None = None) -> Person:
    password_acceptable(password, person)
    person.set_password(password)
    person.save(update_fields=["password"])
    activity_record(
        email=person.email,
        ip_address=ip_address,
        outcome=SignInActivity.Outcome.PASSWORD_CHANGED,
        person=person,
        actor=person,
    )
    return person
