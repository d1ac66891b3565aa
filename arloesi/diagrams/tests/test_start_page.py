"""The page that starts a driver diagram opens with the choice the link to it made."""

import re

import pytest
from django.urls import reverse

from arloesi.diagrams import library
from arloesi.organisations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CHECKED_SOURCE = re.compile(r'<input[^>]*name="source"[^>]*value="([^"]+)"[^>]*checked')


def chosen(client, query: str = "") -> str:
    response = client.get(reverse("diagrams:start") + query)
    assert response.status_code == 200
    return CHECKED_SOURCE.findall(response.content.decode())


def test_an_example_followed_from_the_list_of_diagrams_is_the_one_chosen(client):
    client.force_login(PersonFactory())
    example = library.examples("en")[1]
    list_page = client.get(reverse("diagrams:list")).content.decode()
    link = f"?source=example:{example.slug}"
    assert link in list_page

    assert chosen(client, link) == [f"example:{example.slug}"]


def test_a_blank_diagram_is_chosen_when_nothing_or_something_unknown_is_asked_for(client):
    client.force_login(PersonFactory())

    assert chosen(client) == ["blank"]
    assert chosen(client, "?source=example:no-such-example") == ["blank"]
    assert chosen(client, "?source=file") == ["blank"]
