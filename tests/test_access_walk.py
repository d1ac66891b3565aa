"""Deny by default, proved for every URL of the app.

Two health boards: A, where the visitor has a role, and B, where they have none. Every URL
pattern is visited — by an anonymous visitor and by people with roles in A — with B's ids in
the address (from each app's ``tests/access.py``). Nothing of B's scoped data may be shown and
nothing may be changed. A new view is covered automatically: the walk fails until its app's
``access.py`` says which of B's objects to point it at.
"""

import importlib
import pkgutil
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

import arloesi
from arloesi.core.models import AuditEvent
from arloesi.organisations.models import OrganisationUnit
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    PlanningGroupFactory,
    health_board,
    person_with_role,
    wales,
)

MARKER = "Secret-B-7f3a"


def _access_modules():
    modules = []
    for app in pkgutil.iter_modules(arloesi.__path__):
        try:
            modules.append(importlib.import_module(f"arloesi.{app.name}.tests.access"))
        except ModuleNotFoundError:
            continue
    return modules


ACCESS = _access_modules()
PROBES = {name: probe for module in ACCESS for name, probe in module.PROBES.items()}
PUBLIC = set().union(*(module.PUBLIC for module in ACCESS))


def _url_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _url_patterns(entry, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


ALL_URLS = sorted(dict(_url_patterns()).items())


@dataclass
class Site:
    board: OrganisationUnit
    planning_group: OrganisationUnit
    cluster: OrganisationUnit
    collaborative: OrganisationUnit
    lead: object


class World:
    marker = MARKER

    def __init__(self):
        self.far_future = timezone.now() + timedelta(days=30)
        self.a = self._site(health_board("PTHB"), "A")
        self.b = self._site(health_board("SBUHB"), "B")
        for module in ACCESS:
            module.populate(self)

    @staticmethod
    def _site(board, label):
        planning_group = PlanningGroupFactory(parent=board)
        cluster = ClusterFactory(parent=planning_group)
        collaborative = CollaborativeFactory(parent=cluster)
        lead = person_with_role(Role.CLUSTER_LEAD, cluster, full_name=f"Lead {label}")
        return Site(board, planning_group, cluster, collaborative, lead)

    def outsiders(self):
        """People with every kind of role in A and none in B."""
        a = self.a
        return [
            person_with_role(Role.PRACTITIONER, a.collaborative),
            person_with_role(Role.COLLABORATIVE_LEAD, a.collaborative),
            a.lead,
            person_with_role(Role.PLANNING_GROUP_CHAIR, a.planning_group),
            person_with_role(Role.PLANNING_GROUP_MEMBER, a.planning_group),
            person_with_role(Role.HEALTH_BOARD_OFFICER, a.board),
        ]


def _address(world, name, pattern):
    if pattern.pattern.converters or "<" in str(pattern.pattern):
        if name not in PROBES:
            pytest.fail(
                f"URL {name!r} takes parameters but no app's tests/access.py has a probe "
                "for it: add one that points it at organisation B's objects."
            )
        return reverse(name, kwargs=PROBES[name](world))
    return reverse(name)


def test_every_url_is_public_or_probed():
    unprobed = [
        name for name, pattern in ALL_URLS if ("<" in str(pattern.pattern)) and name not in PROBES
    ]
    assert not unprobed, f"URLs with no access probe: {unprobed}"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    world = World()
    for name, pattern in ALL_URLS:
        url = _address(world, name, pattern)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert MARKER not in response.content.decode(errors="replace"), (name, method)
            if name in PUBLIC:
                continue
            assert response.status_code in (302, 405), (name, method, response.status_code)
            if response.status_code == 302:
                assert response["Location"].split("?")[0].endswith("/sign-in/"), (name, method)


@pytest.mark.django_db
def test_people_in_another_organisation_see_and_change_nothing(client):
    world = World()
    b_units = OrganisationUnit.objects.filter(path__startswith=world.b.board.path)
    b_state = [(u.pk, u.name_en, u.name_cy, u.parent_id, u.path, u.local_alias) for u in b_units]
    b_people = list(world.b.cluster.memberships.values_list("pk", "ended_at"))
    invitation_status = world.b_invitation.status
    for outsider in world.outsiders():
        client.force_login(outsider)
        for name, pattern in ALL_URLS:
            if name == "sign_out":
                continue
            url = _address(world, name, pattern)
            audit_before = AuditEvent.objects.count()
            for method in ("get", "post"):
                response = getattr(client, method)(url, {"role": Role.PRACTITIONER})
                body = response.content.decode(errors="replace")
                assert MARKER not in body, (outsider, name, method)
                assert response.status_code in (200, 302, 400, 403, 404, 405), (
                    outsider,
                    name,
                    method,
                    response.status_code,
                )
            assert AuditEvent.objects.count() == audit_before, (outsider, name)
    b_units_after = [
        (u.pk, u.name_en, u.name_cy, u.parent_id, u.path, u.local_alias)
        for u in OrganisationUnit.objects.filter(path__startswith=world.b.board.path)
    ]
    assert b_units_after == b_state
    assert list(world.b.cluster.memberships.values_list("pk", "ended_at")) == b_people
    world.b_invitation.refresh_from_db()
    assert world.b_invitation.status == invitation_status


@pytest.mark.django_db
def test_people_in_scope_do_see_the_scoped_data(client):
    """The walk's guard: the marker is findable by someone entitled, so its absence means
    something."""
    world = World()
    client.force_login(world.b.lead)
    body = client.get(reverse("organisations:unit", kwargs={"unit_id": world.b.cluster.pk}))
    assert MARKER in body.content.decode()


@pytest.mark.django_db
def test_every_page_a_signed_in_person_opens_is_private_and_not_stored(client):
    """Pages, PDFs, exports and downloads alike: nothing a signed-in person sees is kept by a
    shared cache or left on a shared workstation's disk."""
    world = World()
    administrator = person_with_role(Role.ADMINISTRATOR, wales())
    for person in (world.b.lead, administrator):
        client.force_login(person)
        for name, pattern in ALL_URLS:
            if name == "sign_out":
                continue
            response = client.get(_address(world, name, pattern))
            directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
            assert {"private", "no-store"} <= directives, (person, name, response.status_code)
