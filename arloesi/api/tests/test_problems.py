"""One shape for every error: RFC 9457 problem details, Ninja's own parse errors, unknown
addresses and refused methods included; and a token's requests a minute, counted in the
database, answered 429 with Retry-After past the limit."""

import pytest
from django.test import Client
from django.urls import reverse

from arloesi.api.tests.factories import bearer, token_for
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def headers():
    return bearer(token_for(person_with_role(Role.PRACTITIONER, CollaborativeFactory())))


def _is_problem(answer, status: int) -> dict:
    assert answer.status_code == status
    assert answer["Content-Type"] == "application/problem+json"
    body = answer.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert "no-store" in answer["Cache-Control"]
    return body


def test_each_kind_of_error_is_a_problem(headers):
    client = Client()
    _is_problem(client.get(reverse("api-v1:project_list")), 401)
    _is_problem(client.get("/api/v1/nothing-here", **headers), 404)
    _is_problem(client.delete(reverse("api-v1:project_list"), **headers), 405)
    _is_problem(client.get(reverse("api-v1:project_list") + "?page=nought", **headers), 422)
    unreadable = client.post(
        reverse("api-v1:proposal_create"), "{not json", content_type="application/json", **headers
    )
    assert unreadable.status_code in (400, 422)
    _is_problem(unreadable, unreadable.status_code)
    wrong_types = client.post(
        reverse("api-v1:proposal_create"),
        {"title": ["a list"]},
        content_type="application/json",
        **headers,
    )
    body = _is_problem(wrong_types, 422)
    assert {e["field"] for e in body["errors"]} == {"title", "collaborative_id"}


def test_too_many_requests_are_refused_with_retry_after(headers, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    client = Client()
    answers = [client.get(reverse("api-v1:risk_list"), **headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    _is_problem(answers[-1], 429)
    assert 1 <= int(answers[-1]["Retry-After"]) <= 61


def test_a_token_needs_no_csrf_token(headers):
    """A program sends no cookie, so no CSRF token: a write with a token is not refused for
    it (a session, which could be forged across sites, opens nothing here)."""
    answer = Client(enforce_csrf_checks=True).post(
        reverse("api-v1:proposal_create"),
        {"title": "Eye checks", "collaborative_id": 10**9},
        content_type="application/json",
        **headers,
    )
    body = _is_problem(answer, 422)
    assert body["errors"][0]["field"] == "collaborative_id"
