import pytest
from django.core import mail
from django.test import override_settings

from arloesi.core.models import AuditEvent
from arloesi.organisations.models import Person, SignInActivity
from arloesi.organisations.tests.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password, language="en"):
    return client.post(f"/{language}/sign-in/", {"email": email, "password": password})


def test_signing_in_lands_on_home_in_the_persons_language(client):
    person = PersonFactory(preferred_language="cy")
    response = sign_in(client, person.email.upper(), PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/cy/"
    assert response.cookies["arloesi_language"].value == "cy"


def test_a_wrong_password_says_so_and_keeps_the_email(client):
    person = PersonFactory()
    response = sign_in(client, person.email, "wrong")
    body = response.content.decode()
    assert response.status_code == 200
    assert "The email address or password is not right" in body
    assert f'value="{person.email}"' in body
    assert "Error: " in body.split("</title>")[0]


def test_missing_fields_get_specific_messages(client):
    body = client.post("/en/sign-in/", {"email": "", "password": ""}).content.decode()
    assert "Enter your email address" in body
    assert "Enter your password" in body


@override_settings(SIGN_IN_MAX_FAILURES=3)
def test_repeated_failures_are_throttled_even_with_the_right_password(client):
    person = PersonFactory()
    for _ in range(3):
        sign_in(client, person.email, "wrong")
    response = sign_in(client, person.email, PASSWORD)
    assert response.status_code == 200
    assert "too many attempts" in response.content.decode()


def test_next_is_followed_only_within_the_site(client):
    person = PersonFactory()
    response = client.post(
        "/en/sign-in/?next=/en/organisations/", {"email": person.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/organisations/"
    client.logout()
    response = client.post(
        "/en/sign-in/?next=https://evil.example/", {"email": person.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("target", ["home", "organisations:directory", "Fuzz text", "//x.example"])
def test_a_next_that_is_not_a_path_on_the_site_goes_home(client, target):
    person = PersonFactory()
    response = client.post(
        "/en/sign-in/", {"email": person.email, "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_sign_out_needs_a_post(client):
    client.force_login(PersonFactory())
    assert client.get("/en/sign-out/").status_code == 405
    assert client.post("/en/sign-out/").status_code == 302
    assert client.get("/en/").status_code == 302


def test_password_reset_sends_a_link_in_the_persons_language(client):
    person = PersonFactory(preferred_language="cy")
    response = client.post("/en/password-reset/", {"email": person.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [person.email]
    assert message.extra_headers["Content-Language"] == "cy"
    link = next(line for line in message.body.splitlines() if "/password-reset/" in line)
    path = link.split("127.0.0.1:8000")[1].strip()
    assert path.startswith("/cy/password-reset/")
    assert client.get(path).status_code == 200
    weak = client.post(path, {"password": "short", "password_again": "short"})
    assert "too short" in weak.content.decode() or "rhy fyr" in weak.content.decode()
    good = client.post(
        path,
        {"password": "a-much-longer-pass-phrase", "password_again": "a-much-longer-pass-phrase"},
    )
    assert good.status_code == 302
    assert sign_in(client, person.email, "a-much-longer-pass-phrase").status_code == 302
    # The link works once.
    client.logout()
    assert client.get(path).status_code == 400
    assert SignInActivity.objects.filter(
        person=person, outcome=SignInActivity.Outcome.PASSWORD_CHANGED
    ).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PASSWORD_CHANGED).exists()


def test_password_reset_does_not_reveal_whether_an_address_exists(client):
    response = client.post("/en/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_language_a_person_chooses_is_remembered(client):
    person = PersonFactory(preferred_language="en")
    client.force_login(person)
    response = client.get("/cy/")
    assert response.status_code == 200
    assert response.cookies["arloesi_language"].value == "cy"
    person.refresh_from_db()
    assert person.preferred_language == "cy"
    # A fresh visit to the root goes to Welsh.
    assert client.get("/")["Location"] == "/cy/"


def test_choosing_english_on_the_welsh_account_page_switches_everything(client):
    person = PersonFactory(preferred_language="cy")
    client.force_login(person)
    response = client.post("/cy/account/", {"preferred_language": "en"})
    assert response["Location"] == "/en/account/"
    assert response.cookies["arloesi_language"].value == "en"
    page = client.get(response["Location"]).content.decode()
    assert "Your language has been saved." in page
    person.refresh_from_db()
    assert person.preferred_language == "en"


@override_settings(SIGN_IN_MAX_FAILURES=3)
def test_failures_are_kept_and_the_count_starts_again_after_a_successful_sign_in(client):
    person = PersonFactory()
    for _ in range(2):
        sign_in(client, person.email, "wrong")
    assert sign_in(client, person.email, PASSWORD).status_code == 302
    client.post("/en/sign-out/")
    failures = SignInActivity.objects.filter(outcome=SignInActivity.Outcome.SIGN_IN_FAILED)
    assert failures.filter(email=person.email).count() == 2
    # Two more failures make four within the window, but only two since the last sign-in.
    for _ in range(2):
        sign_in(client, person.email, "wrong")
    assert sign_in(client, person.email, PASSWORD).status_code == 302


@override_settings(SIGN_IN_MAX_FAILURES=3, SIGN_IN_MAX_FAILURES_PER_CLIENT=4)
def test_many_failures_from_one_client_address_are_throttled_whatever_the_accounts(client):
    """Someone trying one password against many accounts is slowed down too."""
    for number in range(4):
        sign_in(client, f"someone{number}@example.org", "Summer2026!")
    person = PersonFactory()
    response = sign_in(client, person.email, PASSWORD)
    assert response.status_code == 200
    assert "too many failed attempts to sign in from your network" in response.content.decode()
    # Another address is not affected (another loopback one: the tests use the development key).
    other = client.post(
        "/en/sign-in/", {"email": person.email, "password": PASSWORD}, REMOTE_ADDR="127.0.0.2"
    )
    assert other.status_code == 302


# A real key: with the development key, requests through a proxy are refused outright.
@override_settings(TRUSTED_PROXY_COUNT=1, DEVELOPMENT_KEY_IN_USE=False)
def test_behind_a_proxy_the_client_address_is_the_one_the_proxy_saw(client):
    client.post(
        "/en/sign-in/",
        {"email": "someone@example.org", "password": "x"},
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9",
    )
    assert SignInActivity.objects.get().ip_address == "203.0.113.9"


def test_what_happens_at_the_door_is_in_the_audit_trail(client):
    person = PersonFactory(email="gwen@example.org")
    sign_in(client, "gwen@example.org", "wrong")
    sign_in(client, "nobody@example.org", "wrong")
    sign_in(client, "gwen@example.org", PASSWORD)
    client.post("/en/sign-out/")
    client.post("/en/password-reset/", {"email": "gwen@example.org"})
    client.post("/en/password-reset/", {"email": "nobody@example.org"})
    Action = AuditEvent.Action
    events = [
        (event.action, event.object_repr, event.actor)
        for event in AuditEvent.objects.order_by("at", "id")
    ]
    assert events == [
        (Action.SIGN_IN_FAILED, "gwen@example.org", None),
        (Action.SIGN_IN_FAILED, "nobody@example.org", None),
        (Action.SIGNED_IN, "gwen@example.org", person),
        (Action.SIGNED_OUT, "gwen@example.org", person),
        (Action.PASSWORD_RESET_REQUESTED, "gwen@example.org", None),
        (Action.PASSWORD_RESET_REQUESTED, "nobody@example.org", None),
    ]
    # An address with no account is kept without creating a person for it.
    assert not Person.objects.filter(email="nobody@example.org").exists()
    unknown = SignInActivity.objects.filter(email="nobody@example.org")
    assert {activity.person for activity in unknown} == {None}
