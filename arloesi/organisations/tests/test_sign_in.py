import pytest
from django.core import mail
from django.test import override_settings

from arloesi.core.models import AuditEvent
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
    assert AuditEvent.objects.filter(object_id=str(person.pk), note="password changed").exists()


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
