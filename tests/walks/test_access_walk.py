"""Deny by default, proved for every URL of the app.

Two health boards: A, where the visitor has a role, and B, where they have none. Every URL
pattern is visited — by an anonymous visitor and by a person with each kind of role in A — with
B's ids in the address (from each app's ``tests/access.py``), by GET and by POST. One test per
URL and visitor, so a failure names both. Nothing of B's scoped data may be shown, the answer is
one a browser expects (never a 5xx), and nothing may be written. A new view is covered
automatically: its test fails until its app's ``access.py`` says which of B's objects to point
it at.
"""

import pytest
from django.test import Client
from django.urls import reverse

from arloesi.core.models import AuditEvent
from arloesi.organisations.models import Invitation, Membership, OrganisationUnit
from arloesi.organisations.roles import Role
from tests.walks.world import (
    ALL_URLS,
    ANONYMOUS,
    API_HEADERS,
    API_PREFIX,
    MARKER,
    PROBES,
    PUBLIC,
    URL_NAMES,
    VISITORS,
    address,
    takes_parameters,
)
from tests.walks.writes import recorded_writes

pytestmark = pytest.mark.django_db

ALLOWED_STATUSES = (200, 302, 400, 403, 404, 405)
# The API answers a program, not a browser: a body it cannot use is 400 or 422; every answer is
# problem details. Its callers' own token use is the one thing it writes.
API_STATUSES = (200, 400, 403, 404, 405, 422)
API_OWN_WRITES = {"api_tokenuse", "api_accesstoken"}
# A visitor's own session is the one thing a request may write; signing out ends it, and records
# that they signed out (sign-in activity, with its audit event).
SESSION_TABLE = "django_session"
OWN_SIGN_OUT = {SESSION_TABLE, "core_auditevent", "organisations_signinactivity"}


def test_every_url_with_parameters_has_a_probe():
    unprobed = [
        name for name, pattern in ALL_URLS if takes_parameters(pattern) and name not in PROBES
    ]
    assert not unprobed, f"URLs with no access probe in any app's tests/access.py: {unprobed}"


def b_state(world) -> dict:
    """What an outsider must never change in B: its units, roles, invitations, audit trail."""
    units = OrganisationUnit.objects.filter(path__startswith=world.b.board.path)
    return {
        "units": list(
            units.order_by("pk").values_list(
                "pk", "name_en", "name_cy", "parent_id", "path", "local_alias"
            )
        ),
        "memberships": list(
            Membership.objects.filter(unit__in=units).order_by("pk").values_list("pk", "ended_at")
        ),
        "invitations": list(
            Invitation.objects.filter(unit__in=units).order_by("pk").values_list("pk", "status")
        ),
        # Signing out records that the visitor signed out: their own record, not B's.
        "audit events": AuditEvent.objects.exclude(action=AuditEvent.Action.SIGNED_OUT).count(),
    }


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("name", URL_NAMES)
def test_a_visitor_from_elsewhere_sees_and_changes_nothing_of_b(world, name, visitor):
    client = Client()
    url = address(world, name)
    api = url.startswith(API_PREFIX)
    headers = {}
    if visitor != ANONYMOUS:
        client.force_login(world.outsider[visitor])
        if api:
            headers = API_HEADERS(world, world.outsider[visitor])
    before = b_state(world)
    with recorded_writes() as writes:
        answers = {
            "GET": client.get(url, **headers),
            "POST": client.post(url, {"role": Role.PRACTITIONER}, **headers),
        }
    for method, response in answers.items():
        shown = response.content.decode(errors="replace")
        assert MARKER not in shown, f"{method} {url} shows B's data to {visitor}"
        if api and name not in PUBLIC:
            expected = (401, 404, 405) if visitor == ANONYMOUS else API_STATUSES
            assert response.status_code in expected, (method, url, response.status_code)
            assert response["Content-Type"].startswith(("application/json", "application/problem"))
        elif visitor == ANONYMOUS and name not in PUBLIC:
            assert response.status_code in (302, 405), (method, url, response.status_code)
            if response.status_code == 302:
                assert response["Location"].split("?")[0].endswith("/sign-in/"), (method, url)
        else:
            assert response.status_code in ALLOWED_STATUSES, (method, url, response.status_code)
    allowed = OWN_SIGN_OUT if name == "sign_out" else {SESSION_TABLE}
    if api:
        allowed = allowed | API_OWN_WRITES
    assert writes.tables() <= allowed, f"{url} as {visitor} wrote {writes.tables()}"
    assert b_state(world) == before


def test_people_in_scope_do_see_the_scoped_data(world):
    """The walk's guard: the marker is findable by someone entitled, so its absence means
    something."""
    client = Client()
    client.force_login(world.b.lead)
    body = client.get(reverse("organisations:unit", kwargs={"unit_id": world.b.cluster.pk}))
    assert MARKER in body.content.decode()


@pytest.mark.parametrize("name", [name for name in URL_NAMES if name != "sign_out"])
def test_every_page_a_signed_in_person_opens_is_private_and_not_stored(world, name):
    """Pages, PDFs, exports and downloads alike: nothing a signed-in person sees is kept by a
    shared cache or left on a shared workstation's disk (as B's lead and as an administrator,
    who between them open every page)."""
    for person in (world.b.lead, world.administrator):
        client = Client()
        client.force_login(person)
        response = client.get(address(world, name))
        directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
        assert {"private", "no-store"} <= directives, (person, name, response.status_code)
