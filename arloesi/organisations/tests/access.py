"""Out-of-scope data and URL probes for the access walk (tests/test_access_walk.py).

Every app with URL patterns that take parameters has a ``tests/access.py`` like this one:
``populate(world)`` adds that app's objects to organisation B, with ``world.marker`` in their
visible text, and ``PROBES`` maps each URL name to the kwargs that point at B's objects.
"""

import secrets

from arloesi.core import audit
from arloesi.organisations.models import Invitation, SignInActivity
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    MembershipFactory,
    PersonFactory,
)


def populate(world) -> None:
    b = world.b
    world.b_person = PersonFactory(full_name=f"Bethan {world.marker}", email="bethan@b.example")
    world.b_membership = MembershipFactory(
        person=world.b_person, unit=b.collaborative, role=Role.PRACTITIONER
    )
    world.b_invitation = audit.create(
        Invitation,
        actor=b.lead,
        email="invitee@b.example",
        full_name=f"Invitee {world.marker}",
        unit=b.cluster,
        role=Role.PRACTITIONER,
        invited_by=b.lead,
        token_hash=secrets.token_hex(32),
        expires_at=world.far_future,
    )
    world.b_other_collaborative = CollaborativeFactory(parent=b.cluster)
    # Only administrators read sign-in activity: the person's name must not show to anyone else.
    SignInActivity.objects.create(
        email=world.b_person.email,
        person=world.b_person,
        outcome=SignInActivity.Outcome.SIGNED_IN,
        ip_address="192.0.2.7",
    )


PROBES = {
    "organisations:unit": lambda w: {"unit_id": w.b.cluster.pk},
    "organisations:unit_history": lambda w: {"unit_id": w.b.cluster.pk},
    "organisations:invite": lambda w: {"unit_id": w.b.cluster.pk},
    "organisations:invitation_revoke": lambda w: {"invitation_id": w.b_invitation.pk},
    "organisations:membership_end": lambda w: {"membership_id": w.b_membership.pk},
    "organisations:sign_in_activity_export": lambda w: {"file_format": "csv"},
    # Token-authorised: a guessed token must open nothing.
    "invitation_accept": lambda w: {"token": secrets.token_urlsafe(32)},
    "password_reset_confirm": lambda w: {"uid": "MQ", "token": "guessed-token"},
}

# Pages anyone may open without signing in.
PUBLIC = {
    "sign_in",
    "sign_out",
    "password_reset",
    "password_reset_sent",
    "password_reset_confirm",
    "invitation_accept",
}
