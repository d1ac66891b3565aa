"""Removing a person's link to their organisation's account (when that account was made again,
or linked to the wrong person): for whoever may end their role, recorded; their next sign-in
with the organisation's account links by e-mail address again."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from arloesi.core.models import AuditEvent
from arloesi.organisations import services
from arloesi.organisations.models import Membership, OrganisationAccount
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role

pytestmark = pytest.mark.django_db

ISSUER = "https://login.example/tenant/v2.0"


def unlink_url(membership) -> str:
    return f"/en/organisations/memberships/{membership.pk}/organisation-account/unlink/"


def unlink_links(client, unit) -> set[str]:
    page = client.get(f"/en/organisations/{unit.pk}/").content.decode()
    return set(
        re.findall(r'href="(/en/organisations/memberships/\d+/organisation-account/[^"]*)"', page)
    )


def _place():
    collaborative = CollaborativeFactory()
    lead = person_with_role(Role.CLUSTER_LEAD, collaborative.parent)
    linked = Membership.objects.get(person=person_with_role(Role.PRACTITIONER, collaborative))
    unlinked = Membership.objects.get(person=person_with_role(Role.PRACTITIONER, collaborative))
    OrganisationAccount.objects.create(person=linked.person, issuer=ISSUER, subject="old-subject")
    return collaborative, lead, linked, unlinked


def test_the_lead_removes_the_link_and_the_next_sign_in_links_the_new_account(client):
    collaborative, lead, linked, unlinked = _place()
    # The account was made again at the organisation: a new subject for the same person.
    refused = services.person_sign_in_with_organisation_account(
        issuer=ISSUER, subject="new-subject", email=linked.person.email, ip_address=None
    )
    assert refused.refused == "linked"

    client.force_login(lead)
    assert unlink_links(client, collaborative) == {unlink_url(linked)}
    assert client.get(unlink_url(linked)).status_code == 200
    answer = client.post(unlink_url(linked))
    assert answer.status_code == 302
    assert not OrganisationAccount.objects.filter(person=linked.person).exists()
    removed = AuditEvent.objects.get(action="deleted", content_type__model="organisationaccount")
    assert removed.actor == lead

    again = services.person_sign_in_with_organisation_account(
        issuer=ISSUER, subject="new-subject", email=linked.person.email, ip_address=None
    )
    assert again.person == linked.person
    assert OrganisationAccount.objects.get(person=linked.person).subject == "new-subject"


def test_a_link_removed_meanwhile_is_said_plainly(client):
    _collaborative, lead, linked, _unlinked = _place()
    client.force_login(lead)
    assert client.get(unlink_url(linked)).status_code == 200
    OrganisationAccount.objects.filter(person=linked.person).delete()  # someone else, meanwhile
    with pytest.raises(ValidationError, match="already been removed"):
        services.organisation_account_unlink(actor=lead, membership=linked)
    assert client.post(unlink_url(linked)).status_code == 404


def test_only_someone_who_may_end_the_role_removes_the_link(client):
    collaborative, _lead, linked, unlinked = _place()
    fellow = person_with_role(Role.PRACTITIONER, collaborative)
    client.force_login(fellow)
    assert unlink_links(client, collaborative) == set()
    assert client.get(unlink_url(linked)).status_code == 404
    assert client.post(unlink_url(linked)).status_code == 404
    assert OrganisationAccount.objects.filter(person=linked.person).exists()
    with pytest.raises(PermissionDenied):
        services.organisation_account_unlink(actor=fellow, membership=linked)


def test_a_person_with_no_link_has_nothing_to_remove(client):
    _collaborative, lead, _linked, unlinked = _place()
    client.force_login(lead)
    assert client.get(unlink_url(unlinked)).status_code == 404
