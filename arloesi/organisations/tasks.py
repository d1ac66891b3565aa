"""E-mails with a secret link, made in the worker: the task's stored arguments are ids only.

Each task looks again at what it was asked to send for, and sends nothing when that has gone
(an invitation withdrawn or accepted in the meantime, a person no longer active).
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from arloesi.core.tasks import deliver
from arloesi.organisations import tokens
from arloesi.organisations.models import Invitation, Person
from arloesi.organisations.roles import Role


def localised_reverse(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@task()
def invitation_email_send(*, invitation_id: int) -> bool:
    """Make the invitation's link, keep its hash (only while the invitation is still waiting),
    and send it. Run twice, it sends the same link twice: the token is derived, not random."""
    invitation = (
        Invitation.objects.select_related("unit", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or invitation.status != Invitation.Status.PENDING:
        return False
    if invitation.is_expired:
        return False
    token = tokens.invitation_token(invitation.token_salt)
    stored = Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.PENDING).update(
        token_hash=tokens.token_hash(token)
    )
    if not stored:
        return False
    language = invitation.language
    with translation.override(language):
        role_name = str(Role(invitation.role).label)
        unit_name = invitation.unit.name
    deliver(
        to=invitation.email,
        template="organisations/email/invitation",
        context={
            "full_name": invitation.full_name,
            "inviter": invitation.invited_by.full_name,
            "role": role_name,
            "unit": unit_name,
            "accept_path": localised_reverse("invitation_accept", language, token=token),
            "days": settings.INVITATION_VALID_DAYS,
        },
        language=language,
    )
    return True


@task()
def password_reset_email_send(*, person_id: int | None) -> bool:
    """Send a password reset link to an active person. Django's reset token is made here; each
    run makes a new one and every one stays valid until the password changes or a day passes,
    so a task run twice leaves two working links."""
    if person_id is None:
        # Enqueued for an address with no account too, so the request does the same work.
        return False
    person = Person.objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        return False
    language = person.preferred_language
    deliver(
        to=person.email,
        template="organisations/email/password_reset",
        context={
            "full_name": person.full_name,
            "reset_path": localised_reverse(
                "password_reset_confirm",
                language,
                uid=urlsafe_base64_encode(force_bytes(person.pk)),
                token=default_token_generator.make_token(person),
            ),
        },
        language=language,
    )
    return True
