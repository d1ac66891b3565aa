import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from arloesi.organisations.models import Invitation, InvitationStatusChange, Membership, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    PASSWORD,
    ClusterFactory,
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)

pytestmark = pytest.mark.django_db


def accept_path(message) -> str:
    return re.search(r"https?://[^/]+(/\S+)", message.body).group(1)


def invite(client, unit, **data):
    payload = {
        "full_name": "Nia Nurse",
        "email": "nia@example.org",
        "role": Role.PRACTITIONER,
        "language": "cy",
    } | data
    return client.post(f"/en/organisations/{unit.pk}/invite/", payload)


def test_a_collaborative_lead_invites_a_practitioner_in_their_language(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    response = invite(client, collaborative)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["nia@example.org"]
    assert message.extra_headers["Content-Language"] == "cy"
    assert collaborative.name_cy in message.subject
    assert accept_path(message).startswith("/cy/invitations/")


def test_the_invite_form_reshows_with_messages_and_keeps_what_was_typed(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    response = invite(client, collaborative, email="not-an-email", role="")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in body
    assert "Select a role" in body
    assert 'value="Nia Nurse"' in body
    assert not Invitation.objects.exists()


def test_a_name_with_hidden_control_characters_is_refused(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    response = invite(client, collaborative, full_name="Nia\x1b[31m Nurse")
    assert response.status_code == 200
    assert "Remove the hidden control characters from this text" in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_roles_beyond_the_inviters_own_cannot_be_given(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    response = invite(client, collaborative, role=Role.COLLABORATIVE_LEAD)
    assert "Select one of the options listed" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_practitioner_cannot_invite(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.PRACTITIONER, collaborative))
    assert invite(client, collaborative).status_code == 404


def test_a_new_person_accepts_and_is_signed_in_with_the_role(client):
    cluster = ClusterFactory()
    client.force_login(person_with_role(Role.HEALTH_BOARD_OFFICER, cluster.parent.parent))
    invite(client, cluster, role=Role.CLUSTER_LEAD, language="en")
    client.logout()
    path = accept_path(mail.outbox[0])
    assert client.get(path).status_code == 200
    mismatch = client.post(
        path, {"full_name": "Nia", "password": "long-enough-phrase", "password_again": "other"}
    )
    assert "The passwords do not match" in mismatch.content.decode()
    response = client.post(
        path,
        {
            "full_name": "Nia Nurse",
            "password": "long-enough-phrase",
            "password_again": "long-enough-phrase",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(email="nia@example.org")
    assert Membership.objects.get(person=person).role == Role.CLUSTER_LEAD
    invitation = Invitation.objects.get()
    assert invitation.status == Invitation.Status.ACCEPTED
    change = InvitationStatusChange.objects.get()
    assert (change.from_status, change.to_status, change.actor) == ("pending", "accepted", person)
    # Used once: the link opens nothing now.
    assert client.get(path).status_code == 404


def test_an_existing_person_signs_in_to_accept(client):
    cluster = ClusterFactory()
    existing = PersonFactory(email="nia@example.org")
    client.force_login(person_with_role(Role.CLUSTER_LEAD, cluster))
    invite(client, CollaborativeFactory(parent=cluster))
    client.logout()
    path = accept_path(mail.outbox[0])
    page = client.get(path).content.decode()
    sign_in_link = re.search(r'href="(/cy/sign-in/\?next=[^"]+)"', page).group(1)
    assert sign_in_link == f"/cy/sign-in/?next={path.replace('/', '%2F')}"
    client.post(sign_in_link, {"email": existing.email, "password": PASSWORD})
    assert client.post(path).status_code == 302
    assert existing.memberships.filter(role=Role.PRACTITIONER).exists()


def test_expired_and_withdrawn_invitations_open_nothing(client):
    collaborative = CollaborativeFactory()
    lead = person_with_role(Role.CLUSTER_LEAD, collaborative.parent)
    client.force_login(lead)
    invite(client, collaborative)
    invitation = Invitation.objects.get()
    path = accept_path(mail.outbox[0])
    assert (
        client.post(f"/en/organisations/invitations/{invitation.pk}/withdraw/").status_code == 302
    )
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    client.logout()
    assert client.get(path).status_code == 404

    client.force_login(lead)
    invite(client, collaborative, email="other@example.org")
    Invitation.objects.filter(email="other@example.org").update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.logout()
    assert client.get(accept_path(mail.outbox[1])).status_code == 404


def test_withdrawing_twice_is_reported_not_recorded_twice(client):
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    invite(client, collaborative)
    invitation = Invitation.objects.get()
    url = f"/en/organisations/invitations/{invitation.pk}/withdraw/"
    client.post(url)
    response = client.post(url, follow=True)
    assert "already been answered or withdrawn" in response.content.decode()
    assert InvitationStatusChange.objects.count() == 1


def test_ending_a_membership_keeps_the_record(client):
    collaborative = CollaborativeFactory()
    member = person_with_role(Role.PRACTITIONER, collaborative)
    client.force_login(person_with_role(Role.CLUSTER_LEAD, collaborative.parent))
    membership = member.memberships.get()
    url = f"/en/organisations/memberships/{membership.pk}/end/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    membership.refresh_from_db()
    assert membership.ended_at is not None


def test_the_unit_history_shows_who_joined_and_left(client):
    collaborative = CollaborativeFactory()
    lead = person_with_role(Role.CLUSTER_LEAD, collaborative.parent)
    client.force_login(lead)
    invite(client, collaborative, full_name="Nia Nurse")
    body = client.get(f"/en/organisations/{collaborative.pk}/history/").content.decode()
    assert "Nia Nurse" in body
    assert lead.full_name in body
