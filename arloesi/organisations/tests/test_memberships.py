"""Ending a role is limited to roles the actor could have given there, and an invitation lives
only as long as the role that made it possible."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from arloesi.organisations import services
from arloesi.organisations.models import Invitation, InvitationStatusChange, Membership
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    person_with_role,
)

pytestmark = pytest.mark.django_db


def end_url(membership) -> str:
    return f"/en/organisations/memberships/{membership.pk}/end/"


def end_links(client, unit) -> set[str]:
    page = client.get(f"/en/organisations/{unit.pk}/").content.decode()
    return set(re.findall(r'href="(/en/organisations/memberships/\d+/end/)"', page))


def test_a_collaborative_lead_cannot_end_a_fellow_leads_role(client):
    collaborative = CollaborativeFactory()
    lead = person_with_role(Role.COLLABORATIVE_LEAD, collaborative)
    fellow = Membership.objects.get(person=person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    practitioner = Membership.objects.get(person=person_with_role(Role.PRACTITIONER, collaborative))
    client.force_login(lead)
    assert end_links(client, collaborative) == {end_url(practitioner)}
    assert client.get(end_url(fellow)).status_code == 404
    assert client.post(end_url(fellow)).status_code == 404
    fellow.refresh_from_db()
    assert fellow.ended_at is None
    with pytest.raises(PermissionDenied):
        services.membership_end(actor=lead, membership=fellow)
    assert client.post(end_url(practitioner)).status_code == 302


def test_a_cluster_lead_ends_collaborative_roles_but_not_a_fellow_cluster_leads(client):
    collaborative = CollaborativeFactory()
    cluster = collaborative.parent
    lead = person_with_role(Role.CLUSTER_LEAD, cluster)
    fellow = Membership.objects.get(person=person_with_role(Role.CLUSTER_LEAD, cluster))
    collaborative_lead = Membership.objects.get(
        person=person_with_role(Role.COLLABORATIVE_LEAD, collaborative)
    )
    client.force_login(lead)
    assert end_url(fellow) not in end_links(client, cluster)
    assert end_url(collaborative_lead) in end_links(client, cluster)
    assert client.post(end_url(fellow)).status_code == 404
    # A health board officer may give, and so end, a cluster lead's role.
    client.force_login(person_with_role(Role.HEALTH_BOARD_OFFICER, cluster.parent.parent))
    assert client.post(end_url(fellow)).status_code == 302
    fellow.refresh_from_db()
    assert fellow.ended_at is not None


def invite(client, inviter, unit, email="nia@example.org", role=Role.PRACTITIONER):
    client.force_login(inviter)
    response = client.post(
        f"/en/organisations/{unit.pk}/invite/",
        {"full_name": "Nia Nurse", "email": email, "role": role, "language": "en"},
    )
    assert response.status_code == 302, response.content.decode()
    return Invitation.objects.get(email=email)


def test_ending_a_role_withdraws_the_invitations_only_it_made_possible(client):
    collaborative = CollaborativeFactory()
    cluster = collaborative.parent
    other = CollaborativeFactory(parent=cluster)
    inviter = person_with_role(Role.CLUSTER_LEAD, cluster)
    # The inviter also leads the other collaborative, which lets them invite practitioners there.
    services.membership_grant(actor=None, person=inviter, unit=other, role=Role.COLLABORATIVE_LEAD)
    lapsing = invite(client, inviter, collaborative, email="one@example.org")
    lapsing_lead = invite(
        client, inviter, collaborative, email="two@example.org", role=Role.COLLABORATIVE_LEAD
    )
    surviving = invite(client, inviter, other, email="three@example.org")

    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, cluster.parent.parent)
    client.force_login(officer)
    cluster_role = Membership.objects.get(person=inviter, role=Role.CLUSTER_LEAD)
    assert client.post(end_url(cluster_role)).status_code == 302

    for invitation in (lapsing, lapsing_lead, surviving):
        invitation.refresh_from_db()
    assert lapsing.status == lapsing_lead.status == Invitation.Status.REVOKED
    assert surviving.status == Invitation.Status.PENDING
    change = InvitationStatusChange.objects.get(invitation=lapsing)
    assert change.actor == officer
    assert "The role that allowed this invitation has ended" in change.reason
    assert inviter.full_name in change.reason
    history = client.get(f"/en/organisations/{collaborative.pk}/history/").content.decode()
    assert "The role that allowed this invitation has ended" in history


def test_an_invitation_whose_sender_lost_the_role_cannot_be_accepted(client):
    collaborative = CollaborativeFactory()
    inviter = person_with_role(Role.COLLABORATIVE_LEAD, collaborative)
    invitation = invite(client, inviter, collaborative)
    client.logout()
    path = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    # The inviter's role ends without anyone ending it here (e.g. their account is closed).
    inviter.is_active = False
    inviter.save(update_fields=["is_active"])

    response = client.post(
        path,
        {
            "full_name": "Nia Nurse",
            "password": "long-enough-phrase",
            "password_again": "long-enough-phrase",
        },
    )
    assert response.status_code == 410
    assert "the person who sent it no longer has a role" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    assert InvitationStatusChange.objects.get(invitation=invitation).reason
    assert not Membership.objects.filter(unit=collaborative, role=Role.PRACTITIONER).exists()
    assert client.get(path).status_code == 404
