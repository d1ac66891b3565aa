"""No form tells someone who should not know whether an e-mail address has an account.

Each test sends the same form for an address with an account and one without, and compares
what comes back: status, page and message, and the work done on the way (queries, password
hashes, tasks), so that neither the answer nor how long it takes gives the account away."""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from arloesi.organisations.models import Invitation, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)

pytestmark = pytest.mark.django_db

KNOWN = "gwen@example.org"
UNKNOWN = "nobody@example.org"


class CountingHasher(MD5PasswordHasher):
    """Counts the passwords hashed (checking one hashes it too)."""

    algorithm = "counting_md5"
    hashed = 0

    def encode(self, password, salt):
        CountingHasher.hashed += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.hashed = 0
    return CountingHasher


def comparable(response, *values: str) -> tuple[int, str]:
    """Status and page with the things that differ anyway (the address typed, the CSRF token,
    the script nonce) blanked out."""
    body = response.content.decode()
    for value in values:
        body = body.replace(escape(value), "…").replace(value, "…")
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    body = re.sub(r'nonce="[^"]+"', "", body)
    return response.status_code, body


def measured(client, url: str, data: dict):
    hashed_before = CountingHasher.hashed
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    return response, len(queries), CountingHasher.hashed - hashed_before


def test_sign_in_answers_a_wrong_password_and_an_unknown_address_alike(client, counting_hasher):
    PersonFactory(email=KNOWN)
    measured(client, "/en/sign-in/", {"email": "warm-up@example.org", "password": "x"})
    known, known_queries, known_hashes = measured(
        client, "/en/sign-in/", {"email": KNOWN, "password": "not-the-password"}
    )
    unknown, unknown_queries, unknown_hashes = measured(
        client, "/en/sign-in/", {"email": UNKNOWN, "password": "not-the-password"}
    )
    assert comparable(known, KNOWN) == comparable(unknown, UNKNOWN)
    assert "The email address or password is not right" in known.content.decode()
    assert known_queries == unknown_queries
    # An unknown address has a password hashed too, as long as checking a real one takes.
    assert known_hashes == unknown_hashes == 1
    assert not Person.objects.filter(email=UNKNOWN).exists()


def test_sign_in_throttles_an_unknown_address_as_it_does_a_known_one(
    client, counting_hasher, settings
):
    settings.SIGN_IN_MAX_FAILURES = 2
    PersonFactory(email=KNOWN)
    for email in (KNOWN, UNKNOWN, KNOWN, UNKNOWN):
        client.post("/en/sign-in/", {"email": email, "password": "wrong"})
    known, known_queries, known_hashes = measured(
        client, "/en/sign-in/", {"email": KNOWN, "password": "wrong"}
    )
    unknown, unknown_queries, unknown_hashes = measured(
        client, "/en/sign-in/", {"email": UNKNOWN, "password": "wrong"}
    )
    assert comparable(known, KNOWN) == comparable(unknown, UNKNOWN)
    assert "too many attempts" in known.content.decode()
    assert (known_queries, known_hashes) == (unknown_queries, unknown_hashes)


def test_password_reset_says_the_same_and_does_the_same_work_for_any_address(client, task_worker):
    PersonFactory(email=KNOWN)
    measured(client, "/en/password-reset/", {"email": "warm-up@example.org"})
    known, known_queries, _ = measured(client, "/en/password-reset/", {"email": KNOWN})
    unknown, unknown_queries, _ = measured(client, "/en/password-reset/", {"email": UNKNOWN})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_queries == unknown_queries
    assert comparable(client.get(known["Location"])) == comparable(client.get(unknown["Location"]))
    # Only the person with an account gets an e-mail, once the worker has run.
    task_worker()
    assert [message.to for message in mail.outbox] == [[KNOWN]]


def test_inviting_an_address_with_an_account_elsewhere_looks_like_inviting_a_new_one(client):
    PersonFactory(email=KNOWN)
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    answers = []
    for email in (KNOWN, UNKNOWN):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                f"/en/organisations/{collaborative.pk}/invite/",
                {"full_name": "Gwen", "email": email, "role": Role.PRACTITIONER, "language": "en"},
            )
        message = re.search(
            r"An invitation has been sent to ([^<]+)\.",
            client.get(response["Location"]).content.decode(),
        )
        answers.append(
            (response.status_code, response["Location"], message.group(1) == email, len(queries))
        )
    assert answers[0] == answers[1]


def test_an_invitation_link_offers_the_same_page_whether_or_not_the_address_has_an_account(
    client,
):
    PersonFactory(email=KNOWN)
    collaborative = CollaborativeFactory()
    client.force_login(person_with_role(Role.CLUSTER_LEAD, collaborative.parent))
    for email in (KNOWN, UNKNOWN):
        client.post(
            f"/en/organisations/{collaborative.pk}/invite/",
            {
                "full_name": "Gwen",
                "email": email,
                "role": Role.COLLABORATIVE_LEAD,
                "language": "en",
            },
        )
    client.logout()
    known_path, unknown_path = (
        re.search(r"https?://[^/]+(/\S+)", message.body).group(1) for message in mail.outbox
    )
    assert Invitation.objects.count() == 2
    known = comparable(client.get(known_path), KNOWN, known_path.split("/")[-2])
    unknown = comparable(client.get(unknown_path), UNKNOWN, unknown_path.split("/")[-2])
    assert known == unknown
    assert "Sign in to accept this invitation" in known[1]
    assert "Accept and create account" in known[1]
