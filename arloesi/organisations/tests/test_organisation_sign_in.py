"""Signing in with the organisation's account, against a real OpenID Connect provider.

The provider (``oidc_provider``, tests/oidc_provider.py) runs in its own process on 127.0.0.1,
signs real RS256 ID tokens and signs in, without asking, the user each test names. A browser is
played by following redirects: Arloesi's addresses through Django's test client, the
provider's over HTTP.
"""

import re
import socket
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core import mail

from arloesi.core.models import AuditEvent
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
    ClusterFactory,
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)
from arloesi.organisations.tests.oidc_provider import OTHER_TENANT

pytestmark = pytest.mark.django_db

REDIRECTS = {301, 302, 303}


class Browser:
    """Follows redirects as a browser would, across Arloesi and the provider."""

    def __init__(self, client, provider):
        self.client = client
        self.provider = provider
        self.visited: list[str] = []

    def follow(self, response):
        while response.status_code in REDIRECTS:
            location = response["Location"]
            while location.startswith(self.provider.issuer):
                self.visited.append(location)
                answer = requests.get(location, allow_redirects=False, timeout=5)
                assert answer.status_code == 302, (location, answer.status_code, answer.text)
                location = answer.headers["Location"]
            self.visited.append(location)
            parts = urlsplit(location)
            response = self.client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        return response

    def start(self, language="en", next_path=""):
        """Press "Sign in with your organisation's account" on the sign-in page."""
        return self.client.post(f"/{language}/sign-in/organisation/", {"next": next_path})

    def sign_in(self, language="en", next_path=""):
        return self.follow(self.start(language, next_path))

    def callback_address(self) -> str:
        """Start a sign-in and stop where the provider sends the browser back (not followed)."""
        location = self.start()["Location"]
        answer = requests.get(location, allow_redirects=False, timeout=5)
        return answer.headers["Location"]


@pytest.fixture
def browser(client, organisation_sign_in):
    return Browser(client, organisation_sign_in)


def signed_in_as(client) -> Person | None:
    person_id = client.session.get("_auth_user_id")
    return Person.objects.get(pk=person_id) if person_id else None


def text(response) -> str:
    return unescape(response.content.decode())


def outcomes() -> list[str]:
    return list(SignInActivity.objects.order_by("id").values_list("outcome", flat=True))


# --- Signing in --------------------------------------------------------------------------------


def test_the_first_sign_in_links_the_account_to_the_person_with_that_address(browser, client):
    person = PersonFactory(email="gwen@practice.example", preferred_language="cy")
    browser.provider.next_sign_in(sub="subject-gwen", email="Gwen@Practice.example")

    response = browser.sign_in()

    assert response.status_code == 200
    assert browser.visited[-1] == "/cy/"  # home, in her language
    assert signed_in_as(client) == person
    account = OrganisationAccount.objects.get(person=person)
    assert (account.issuer, account.subject) == (browser.provider.issuer, "subject-gwen")
    assert outcomes() == [
        SignInActivity.Outcome.ORGANISATION_ACCOUNT_LINKED,
        SignInActivity.Outcome.SIGNED_IN_WITH_ORGANISATION,
    ]
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATED, object_id=str(account.pk), actor=person
    ).exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.SIGNED_IN_WITH_ORGANISATION, actor=person
    ).exists()


def test_the_request_carries_state_nonce_and_a_pkce_challenge(browser):
    PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen@practice.example")

    location = browser.start()["Location"]

    query = parse_qs(urlsplit(location).query)
    assert location.startswith(f"{browser.provider.issuer}/authorize?")
    assert {"state", "nonce", "code_challenge"} <= set(query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["response_type"] == ["code"]
    assert "openid" in query["scope"][0].split()


def test_a_later_sign_in_finds_the_person_by_subject_alone(browser, client):
    person = PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen@practice.example")
    browser.sign_in()
    client.logout()
    # The organisation has since changed her address: the link still finds her.
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen.jones@newname.example")

    browser.sign_in()

    assert signed_in_as(client) == person
    assert OrganisationAccount.objects.filter(person=person).count() == 1
    assert outcomes()[-1] == SignInActivity.Outcome.SIGNED_IN_WITH_ORGANISATION
    assert outcomes().count(SignInActivity.Outcome.ORGANISATION_ACCOUNT_LINKED) == 1


def test_signing_in_goes_back_to_the_page_asked_for(browser, client):
    PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen@practice.example")

    browser.sign_in(next_path="/en/organisations/")

    assert browser.visited[-1] == "/en/organisations/"


def test_someone_not_invited_is_told_who_to_ask_in_their_language_and_no_account_is_made(
    browser, client
):
    browser.provider.next_sign_in(sub="subject-stranger", email="stranger@elsewhere.example")

    response = browser.sign_in(language="cy")

    body = text(response)
    assert browser.visited[-1] == "/cy/sign-in/organisation/no-account/"
    assert response.status_code == 200
    assert '<html lang="cy"' in body
    assert "Mae angen gwahoddiad arnoch i ddefnyddio Arloesi" in body
    assert "stranger@elsewhere.example" in body
    assert signed_in_as(client) is None
    assert not Person.objects.filter(email="stranger@elsewhere.example").exists()
    assert not OrganisationAccount.objects.exists()
    refused = SignInActivity.objects.get()
    assert refused.outcome == SignInActivity.Outcome.ORGANISATION_SIGN_IN_REFUSED
    assert (refused.email, refused.person) == ("stranger@elsewhere.example", None)


def test_an_address_the_provider_does_not_vouch_for_links_no_one(browser, client):
    PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(
        sub="subject-impostor", email="gwen@practice.example", email_verified=False
    )

    browser.sign_in()

    assert browser.visited[-1] == "/en/sign-in/organisation/no-account/"
    assert signed_in_as(client) is None
    assert not OrganisationAccount.objects.exists()


def test_someone_invited_and_new_to_arloesi_signs_in_and_accepts_without_a_password(
    browser, client, settings
):
    settings.PASSWORD_SIGN_IN = False
    cluster = ClusterFactory()
    collaborative = CollaborativeFactory(parent=cluster)
    lead = person_with_role(Role.CLUSTER_LEAD, cluster)
    invitation = services.invitation_send(
        actor=lead,
        unit=collaborative,
        email="newcomer@practice.example",
        full_name="Nia Newcomer",
        role=Role.PRACTITIONER,
        language="cy",
    )
    link = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body).group(0)
    invitation_page = urlsplit(link).path
    browser.provider.next_sign_in(sub="subject-nia", email="newcomer@practice.example")

    # The invitation's page (in the invitation's language) offers only the organisation's
    # button: no password to choose.
    page = text(client.get(invitation_page))
    assert "Mewngofnodi gyda chyfrif eich sefydliad" in page
    assert 'name="password"' not in page
    client.post(invitation_page, {"full_name": "Nia", "password": "x", "password_again": "x"})
    assert not Person.objects.filter(email="newcomer@practice.example").exists()

    browser.sign_in(next_path=invitation_page)

    person = signed_in_as(client)
    assert browser.visited[-1] == invitation_page
    assert (person.full_name, person.email, person.preferred_language) == (
        "Nia Newcomer",
        "newcomer@practice.example",
        "cy",
    )
    assert not person.has_usable_password()
    assert OrganisationAccount.objects.filter(person=person, subject="subject-nia").exists()
    # Signing in gives no role: the invitation is accepted on its own page.
    assert not person.memberships.exists()
    client.post(invitation_page)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert person.memberships.get().unit == collaborative


def test_a_person_who_may_no_longer_sign_in_is_refused(browser, client):
    PersonFactory(email="gwen@practice.example", is_active=False)
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen@practice.example")

    browser.sign_in()

    assert browser.visited[-1] == "/en/sign-in/organisation/no-account/"
    assert signed_in_as(client) is None
    assert not OrganisationAccount.objects.exists()


# --- Tokens that must not let anyone in ----------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "sign_in"),
    [
        ("another tenant", {"tid": OTHER_TENANT}),
        ("an expired token", {"mischief": "expired"}),
        ("a tampered signature", {"mischief": "tampered"}),
        ("the wrong nonce", {"mischief": "wrong_nonce"}),
    ],
)
def test_a_token_that_fails_a_check_lets_no_one_in(browser, client, what, sign_in):
    PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen@practice.example", **sign_in)

    response = browser.sign_in()

    body = text(response)
    assert response.status_code == 400, what
    assert "Sign-in with your organisation's account did not work" in body
    if what == "another tenant":
        assert "This account belongs to another organisation" in body
    assert signed_in_as(client) is None
    assert not OrganisationAccount.objects.exists()
    assert outcomes() == [SignInActivity.Outcome.ORGANISATION_SIGN_IN_FAILED]


def test_without_a_tenant_set_any_tenant_of_the_provider_is_taken(browser, client, settings):
    settings.OIDC_TENANT_ID = ""
    person = PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(sub="s", email="gwen@practice.example", tid=OTHER_TENANT)

    browser.sign_in()

    assert signed_in_as(client) == person


def test_an_answer_with_no_state_or_another_state_is_refused(browser, client):
    PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen@practice.example")
    callback = urlsplit(browser.callback_address())
    query = parse_qs(callback.query)
    code = query["code"][0]

    no_state = client.get(callback.path, {"code": code})
    other_state = client.get(callback.path, {"code": code, "state": "made-up"})

    for response in (no_state, other_state):
        assert response.status_code == 400
        assert "was not started in this browser" in text(response)
    assert signed_in_as(client) is None
    assert outcomes() == []


def test_an_answer_is_used_once(browser, client):
    browser.provider.next_sign_in(sub="subject-stranger", email="stranger@elsewhere.example")
    path = urlsplit(browser.callback_address())._replace(scheme="", netloc="").geturl()
    assert client.get(path)["Location"] == "/en/sign-in/organisation/no-account/"

    again = client.get(path)

    assert again.status_code == 400
    assert "was not started in this browser, or it has already been used" in (text(again))


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"code": "x" * 5000, "state": "y" * 5000},
        {"code": "\x00\x1b<script>", "state": "\u202e"},
        {"state": ["a", "b"], "code": ["c", "d"]},
        {"error": "access_denied", "error_description": "<script>alert(1)</script>"},
        {"code": "", "state": ""},
    ],
    ids=["nothing", "long", "control characters", "sent twice", "an error", "empty"],
)
def test_garbage_at_the_callback_is_a_clear_page_never_a_server_error(browser, client, query):
    response = client.get("/sign-in/organisation/callback/", query)

    assert response.status_code == 400
    assert "<script>alert" not in text(response)
    assert signed_in_as(client) is None


def test_a_made_up_code_with_a_real_state_is_refused(browser, client):
    callback = urlsplit(browser.callback_address())
    state = parse_qs(callback.query)["state"][0]

    response = client.get(callback.path, {"code": "made-up", "state": state})

    assert response.status_code == 400
    assert outcomes() == [SignInActivity.Outcome.ORGANISATION_SIGN_IN_FAILED]


# --- The provider down, password sign-in switched off ------------------------------------------


def closed_port_address() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_when_the_provider_is_down_the_sign_in_page_says_so_and_passwords_still_work(
    browser, client, settings
):
    settings.OIDC_ISSUER = closed_port_address()
    person = PersonFactory()

    response = browser.start(next_path="/en/organisations/")

    assert response.status_code == 302
    assert response["Location"] == "/en/sign-in/?next=%2Fen%2Forganisations%2F"
    page = text(client.get(response["Location"]))
    assert "Your organisation's sign-in service is not answering" in page
    assert "sign in with your email address and password" in page
    signed_in = client.post(
        "/en/sign-in/?next=/en/organisations/", {"email": person.email, "password": PASSWORD}
    )
    assert signed_in["Location"] == "/en/organisations/"


def test_with_password_sign_in_switched_off_only_the_organisations_button_is_offered(
    browser, client, settings
):
    settings.PASSWORD_SIGN_IN = False
    person = PersonFactory()

    page = text(client.get("/en/sign-in/"))
    posted = client.post("/en/sign-in/", {"email": person.email, "password": PASSWORD})

    assert "Sign in with your organisation's account" in page
    assert 'name="password"' not in page
    assert "I have forgotten my password" not in page
    assert posted.status_code == 200
    assert signed_in_as(client) is None
    for address in ("/en/password-reset/", "/en/password-reset/sent/", "/en/password-reset/MQ/x/"):
        refused = client.get(address)
        assert refused.status_code == 404
        assert "Arloesi does not use passwords here" in text(refused)
    client.post("/en/password-reset/", {"email": person.email})
    assert outcomes() == []


def test_with_both_ways_on_the_page_offers_both(browser, client):
    page = text(client.get("/en/sign-in/"))

    assert "With your organisation's account" in page
    assert "With your email address and password" in page
    assert 'action="/en/sign-in/organisation/"' in page
    assert 'name="password"' in page
    assert page.count('name="csrfmiddlewaretoken"') == 2  # each form carries its token


def test_without_a_provider_the_page_is_as_before_and_the_button_is_not_there(client):
    page = text(client.get("/en/sign-in/"))

    assert "organisation's account" not in page
    assert client.post("/en/sign-in/organisation/").status_code == 404
    assert client.get("/sign-in/organisation/callback/").status_code == 404


# --- Signing out ------------------------------------------------------------------------------


def test_signing_out_ends_the_providers_session_too(browser, client, settings):
    PersonFactory(email="gwen@practice.example")
    browser.provider.next_sign_in(sub="subject-gwen", email="gwen@practice.example")
    browser.sign_in()
    id_token = client.session["arloesi_organisation_id_token"]

    response = client.post("/en/sign-out/")

    end_session = urlsplit(response["Location"])
    query = parse_qs(end_session.query)
    assert response["Location"].startswith(f"{browser.provider.issuer}/logout?")
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == [f"{settings.SITE_URL}/sign-in/"]
    assert signed_in_as(client) is None
    page = browser.follow(response)
    assert browser.visited[-1].startswith("/en/sign-in/")
    assert "You have signed out." in text(page)
    assert browser.provider.ended_sessions()[-1]["sub"] == "subject-gwen"
    assert outcomes()[-1] == SignInActivity.Outcome.SIGNED_OUT


def test_signing_out_after_a_password_sign_in_stays_in_arloesi(browser, client):
    person = PersonFactory()
    client.post("/en/sign-in/", {"email": person.email, "password": PASSWORD})

    response = client.post("/en/sign-out/")

    assert response["Location"] == "/en/sign-in/"
