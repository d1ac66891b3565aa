"""A session left alone on a shared workstation ends, says so, and leads back afterwards."""

import time

import pytest
from django.utils import timezone

from arloesi.organisations.middleware import LAST_SEEN
from arloesi.organisations.models import SignInActivity
from arloesi.organisations.tests.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db


def leave_idle(client, minutes: float) -> None:
    session = client.session
    session[LAST_SEEN] = int(time.time() - minutes * 60)
    session.save()


def test_after_30_idle_minutes_the_next_page_asks_to_sign_in_again_and_leads_back(client):
    person = PersonFactory()
    client.force_login(person)
    assert client.get("/en/organisations/").status_code == 200
    leave_idle(client, 31)

    response = client.get("/en/organisations/?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/en/sign-in/?next=/en/organisations/%3Fpage%3D2"
    sign_in_page = client.get(response["Location"]).content.decode()
    assert "You were signed out because Arloesi was not used for 30 minutes" in sign_in_page
    assert client.get("/en/").status_code == 302  # signed out for real

    back = client.post(response["Location"], {"email": person.email, "password": PASSWORD})
    assert back["Location"] == "/en/organisations/?page=2"
    assert SignInActivity.objects.filter(
        person=person, outcome=SignInActivity.Outcome.TIMED_OUT
    ).exists()


def test_the_message_is_in_welsh_on_welsh_pages(client):
    client.force_login(PersonFactory(preferred_language="cy"))
    leave_idle(client, 45)
    response = client.get("/cy/organisations/", follow=True)
    assert "Cawsoch eich allgofnodi" in response.content.decode()


def test_a_person_who_keeps_working_stays_signed_in(client, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 5
    client.force_login(PersonFactory())
    leave_idle(client, 4)
    assert client.get("/en/").status_code == 200
    # That request counted as activity.
    leave_idle(client, 4)
    assert client.get("/en/").status_code == 200
    leave_idle(client, 6)
    assert client.get("/en/").status_code == 302


def test_a_form_sent_after_the_idle_time_leads_back_to_the_page_it_was_on(client):
    client.force_login(PersonFactory())
    leave_idle(client, 31)
    response = client.post(
        "/en/account/",
        {"preferred_language": "cy"},
        HTTP_REFERER="http://testserver/en/account/",
    )
    assert response["Location"] == "/en/sign-in/?next=/en/account/"


def test_a_partial_update_after_the_idle_time_takes_the_whole_page_to_sign_in(client):
    client.force_login(PersonFactory())
    leave_idle(client, 31)
    response = client.get("/en/organisations/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/en/sign-in/?next=")


def test_a_busy_session_still_ends_12_hours_after_signing_in(client, settings):
    client.force_login(PersonFactory())
    expires = client.session.get_expiry_date()
    assert abs((expires - timezone.now()).total_seconds() - settings.SESSION_COOKIE_AGE) < 60
    leave_idle(client, 2)
    client.get("/en/")  # the idle clock is saved again...
    assert client.session.get_expiry_date() == expires  # ...and the end stays where it was
