"""Each page masks its CSRF token once for all its forms, and the token it prints is accepted."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from arloesi.organisations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def tokens(response) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())


def test_every_form_on_a_page_carries_the_same_token_and_it_is_accepted():
    client = Client(enforce_csrf_checks=True)
    client.force_login(PersonFactory(preferred_language="en"))
    # The account page has its own form and the header's sign-out form.
    page = client.get(reverse("account"))
    printed = tokens(page)
    assert len(printed) >= 2
    assert len(set(printed)) == 1
    # A new mask for the next page.
    assert tokens(client.get(reverse("account")))[0] != printed[0]

    signed_out = client.post(reverse("sign_out"), {"csrfmiddlewaretoken": printed[0]})
    assert signed_out.status_code == 302


def test_a_form_without_the_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    client.force_login(PersonFactory(preferred_language="en"))
    client.get(reverse("account"))
    assert client.post(reverse("sign_out")).status_code == 403
