"""A person makes a token on their account, sees it once, and revokes it; only its hash is kept;
an expired or revoked token opens nothing; a token that may only read cannot write."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from arloesi.api import services, tokens
from arloesi.api.models import AccessToken, TokenUse
from arloesi.api.tests.factories import bearer, token_for
from arloesi.api.vocabulary import Scope
from arloesi.core.models import AuditEvent
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def person() -> Person:
    return person_with_role(Role.PRACTITIONER, CollaborativeFactory())


def _signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_the_account_page_leads_to_the_tokens(person):
    page = _signed_in(person).get(reverse("account"))
    assert reverse("api:tokens") in page.content.decode()


def test_a_token_is_shown_once_and_only_its_hash_is_kept(person):
    client = _signed_in(person)
    expires = timezone.localdate() + timedelta(days=30)
    made = client.post(
        reverse("api:tokens"),
        {"name": "Practice system", "expires_on": expires.isoformat(), "scope": Scope.READ},
    )
    secret = re.search(r"arl_[A-Za-z0-9_-]{43}", made.content.decode()).group(0)
    assert tokens.well_formed(secret)
    token = AccessToken.objects.get(person=person)
    assert token.secret_hash == tokens.digest(secret)
    assert secret not in str(AccessToken.objects.filter(pk=token.pk).values().first())
    assert secret not in str(list(AuditEvent.objects.values("changes", "object_repr", "note")))
    listed = client.get(reverse("api:tokens")).content.decode()
    assert "Practice system" in listed
    assert secret not in listed
    assert secret[: tokens.SHOWN] in listed


def test_an_expiry_past_a_year_or_in_the_past_is_refused_in_words(person):
    client = _signed_in(person)
    for day in (timezone.localdate() + timedelta(days=400), timezone.localdate()):
        answer = client.post(
            reverse("api:tokens"),
            {"name": "Too long", "expires_on": day.isoformat(), "scope": Scope.READ},
        )
        assert answer.status_code == 200
        assert "expiry date must be" in answer.content.decode()
    assert not AccessToken.objects.exists()


def test_a_revoked_token_stops_working_at_once(person):
    secret = token_for(person)
    api = Client()
    assert api.get(reverse("api-v1:project_list"), **bearer(secret)).status_code == 200
    token = AccessToken.objects.get(person=person)
    _signed_in(person).post(reverse("api:token_revoke", kwargs={"token_id": token.pk}))
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = api.get(reverse("api-v1:project_list"), **bearer(secret))
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert AuditEvent.objects.filter(object_id=str(token.pk), action="updated").exists()


def test_nobody_revokes_someone_elses_token(person):
    token_for(person)
    token = AccessToken.objects.get(person=person)
    other = person_with_role(Role.PRACTITIONER, CollaborativeFactory())
    answer = _signed_in(other).post(reverse("api:token_revoke", kwargs={"token_id": token.pk}))
    assert answer.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_expired_token_opens_nothing(person):
    secret = token_for(person)
    AccessToken.objects.filter(person=person).update(expires_at=timezone.now())
    assert Client().get(reverse("api-v1:project_list"), **bearer(secret)).status_code == 401


def test_a_guessed_or_malformed_token_opens_nothing(person):
    for guess in ("arl_" + "A" * 43, "not-a-token", ""):
        answer = Client().get(reverse("api-v1:project_list"), **bearer(guess))
        assert answer.status_code == 401
        assert answer["Content-Type"] == "application/problem+json"


def test_a_session_is_not_enough(person):
    assert _signed_in(person).get(reverse("api-v1:project_list")).status_code == 401


def test_every_use_is_logged_with_the_token_and_last_used_kept(person):
    secret = token_for(person, name="Nightly export")
    Client().get(reverse("api-v1:risk_list"), **bearer(secret))
    use = TokenUse.objects.get()
    assert (use.token.name, use.method, use.path) == ("Nightly export", "GET", "/api/v1/risks")
    assert AccessToken.objects.get().last_used_at is not None


def test_a_token_that_may_only_read_cannot_write(person):
    secret = token_for(person, scope=Scope.READ)
    answer = Client().post(
        reverse("api-v1:proposal_create"),
        {"title": "Eye checks", "collaborative_id": 1},
        content_type="application/json",
        **bearer(secret),
    )
    assert answer.status_code == 403
    assert answer.json()["status"] == 403


def test_a_token_of_someone_no_longer_active_opens_nothing(person):
    secret = token_for(person)
    Person.objects.filter(pk=person.pk).update(is_active=False)
    assert Client().get(reverse("api-v1:project_list"), **bearer(secret)).status_code == 401


def test_revoking_twice_changes_nothing_more(person):
    token = services.token_create(
        actor=person,
        name="Twice",
        expires_on=timezone.localdate() + timedelta(days=1),
        scope=Scope.READ,
    ).token
    first = services.token_revoke(actor=person, token=token).revoked_at
    assert services.token_revoke(actor=person, token=token).revoked_at == first
