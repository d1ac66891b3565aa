"""Organisation B's people and invitations for the access walk and the form fuzz (tests/walks/).

Every app with pages has a ``tests/access.py`` like this one: ``populate(world)`` adds that app's
objects to organisation B, with ``world.marker`` in their visible text; ``PROBES`` maps each URL
name that takes parameters to the kwargs that point at B's objects; ``FORM_USERS`` names the
person of B who uses each form (tests/walks/world.py describes them all).
"""

import csv
import io
import re
import secrets

from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from arloesi.core import audit
from arloesi.organisations import services
from arloesi.organisations.models import (
    Invitation,
    OrganisationAccount,
    Person,
    SignInActivity,
)
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    PASSWORD,
    CollaborativeFactory,
    MembershipFactory,
    PersonFactory,
    person_with_role,
    wales,
)


def populate(world) -> None:
    b = world.b
    world.b_person = PersonFactory(full_name=f"Bethan {world.marker}", email="bethan@b.example")
    world.b_membership = MembershipFactory(
        person=world.b_person, unit=b.collaborative, role=Role.PRACTITIONER
    )
    # Bethan signs in with her organisation's account: its link is B's to remove.
    OrganisationAccount.objects.create(
        person=world.b_person, issuer="https://login.b.example/v2.0", subject="bethan"
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
    world.administrator = person_with_role(Role.ADMINISTRATOR, wales(), full_name="Admin Wales")
    world.b_invitation_token = _invitation_token(
        services.invitation_send(
            actor=b.lead,
            unit=b.collaborative,
            email="newcomer@b.example",
            full_name="Newcomer B",
            role=Role.PRACTITIONER,
            language="en",
        )
    )


def _password_reset_link(person: Person) -> dict:
    """The address parts of the link a password reset e-mails to ``person`` (as stored now:
    signing in changes the token)."""
    person = Person.objects.get(pk=person.pk)
    return {
        "uid": urlsafe_base64_encode(force_bytes(person.pk)),
        "token": default_token_generator.make_token(person),
    }


def _invitation_token(invitation: Invitation) -> str:
    """The token in the link of the invitation's e-mail, as the invitee would follow it."""
    sent = next(m for m in reversed(mail.outbox) if invitation.email in m.to)
    return re.search(r"/invitations/([^/\s]+)/", sent.body).group(1)


PROBES = {
    "organisations:unit": lambda w: {"unit_id": w.b.cluster.pk},
    "organisations:unit_history": lambda w: {"unit_id": w.b.cluster.pk},
    "organisations:invite": lambda w: {"unit_id": w.b.cluster.pk},
    "organisations:invitation_revoke": lambda w: {"invitation_id": w.b_invitation.pk},
    "organisations:membership_end": lambda w: {"membership_id": w.b_membership.pk},
    "organisations:organisation_account_unlink": lambda w: {"membership_id": w.b_membership.pk},
    "organisations:sign_in_activity_export": lambda w: {"file_format": "csv"},
    # Token-authorised: a guessed token must open nothing.
    "invitation_accept": lambda w: {"token": secrets.token_urlsafe(32)},
    "password_reset_confirm": lambda w: {"uid": "MQ", "token": "guessed-token"},
}

# Pages anyone may open without signing in.
PUBLIC = {
    "sign_in",
    "organisation_sign_in",
    "organisation_sign_in_callback",
    "organisation_sign_in_refused",
    "sign_out",
    "password_reset",
    "password_reset_sent",
    "password_reset_confirm",
    "invitation_accept",
}

# Who uses each form of B (None: someone signed out). The fuzz posts hostile values as them.
FORM_USERS = {
    "sign_in": lambda w: None,
    "organisation_sign_in": lambda w: None,
    "sign_out": lambda w: w.b.lead,
    "password_reset": lambda w: None,
    "password_reset_confirm": lambda w: None,
    "invitation_accept": lambda w: None,
    "account": lambda w: w.b_person,
    "organisations:invite": lambda w: w.b.lead,
    "organisations:invitation_revoke": lambda w: w.b.lead,
    "organisations:membership_end": lambda w: w.b.lead,
    "organisations:organisation_account_unlink": lambda w: w.b.lead,
    "organisations:import": lambda w: w.administrator,
}

# Where the owner's form needs other objects than the walk's probe: one fuzzed form per label
# (a cluster lead invites to the cluster's collaboratives; the links are the ones e-mailed).
FORM_ARGS = {
    "organisations:invite": {"collaborative": lambda w: {"unit_id": w.b.collaborative.pk}},
    "password_reset_confirm": {"from the e-mail": lambda w: _password_reset_link(w.b_person)},
    "invitation_accept": {"from the e-mail": lambda w: {"token": w.b_invitation_token}},
}


def _import_file(world, text: str) -> SimpleUploadedFile:
    """A spreadsheet adding a cluster to B's planning group, named ``text``."""
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["type", "code", "name_en", "name_cy", "parent_code", "local_alias"])
    writer.writerow(["cluster", "FUZZ-1", text, "Clwstwr", world.b.planning_group.code, ""])
    return SimpleUploadedFile("clusters.csv", rows.getvalue().encode(), content_type="text/csv")


# The file each form's owner would upload, with the fuzz's text where a person's words go.
FORM_FILES = {"organisations:import": _import_file}

# What the owner enters where a guess would be refused (a real account, so sign-in succeeds).
FORM_VALUES = {"sign_in": {"email": lambda w: w.b_person.email, "password": PASSWORD}}

# The organisation's button (tests/walks/conftest.py switches that way in on) is on the sign-in
# page: its fields are read there.
FORM_PAGES = {"organisation_sign_in": lambda w: reverse("sign_in")}
