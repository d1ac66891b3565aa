"""Two health boards and every URL of the app: the data the access walk and the form fuzz share.

Organisation A is where the walk's visitors hold their roles; organisation B holds data marked
with ``MARKER`` (added by each app's ``tests/access.py``) and the people who own B's forms. Each
app's ``tests/access.py`` has:

- ``populate(world)``: adds that app's objects to B, with ``world.marker`` in their visible text;
- ``PROBES``: URL name -> ``lambda world: kwargs`` pointing a parameterised URL at B's objects;
- ``PUBLIC``: URL names anyone may open without signing in;
- ``FORM_USERS``: URL name -> ``lambda world: person`` (``None``: signed out), the person of B
  who may use the form that posts to that URL;
- ``FORM_ARGS`` (optional): URL name -> ``{label: lambda world: kwargs}`` when the form's owner
  needs other objects than the walk's probe (one fuzzed form per label);
- ``FORM_VALUES`` (optional): URL name -> ``{field: value or lambda world: value}``, what the
  owner would enter where a plausible guess would be refused (an existing person's e-mail);
- ``FORM_FILES`` (optional): URL name -> ``lambda world, text: uploaded file``, the file its
  owner would upload with ``text`` where a person's words go (so that hostile values reach
  what reads the file, not only its format check).
- ``FORM_PAGES`` (optional): URL name -> ``lambda world: address``, the page that holds the
  form of a URL that only answers POST (an editor's buttons on the diagram's page), so the fuzz
  reads its fields there instead of posting the bare CSRF token.
- ``api_headers`` (the API app's): ``(world, person) -> client keyword arguments`` that send a
  token of the person's own: the walk asks the API's addresses (``/api/…``) with it.
"""

import importlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    PlanningGroupFactory,
    health_board,
    person_with_role,
)

MARKER = "Secret-B-7f3a"


def _access_modules() -> list:
    """Each app's ``tests/access.py``, lowest layer first (the order of ``INSTALLED_APPS``), so
    that an app's objects in B can build on those of the apps below it."""
    modules = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("arloesi."):
            continue
        try:
            modules.append(importlib.import_module(f"{app}.tests.access"))
        except ModuleNotFoundError:
            continue
    return modules


ACCESS = _access_modules()
PROBES = {name: probe for module in ACCESS for name, probe in module.PROBES.items()}
PUBLIC = set().union(*(module.PUBLIC for module in ACCESS))
FORM_USERS = {
    name: user for module in ACCESS for name, user in getattr(module, "FORM_USERS", {}).items()
}
FORM_ARGS = {
    name: args for module in ACCESS for name, args in getattr(module, "FORM_ARGS", {}).items()
}
FORM_VALUES = {
    name: values for module in ACCESS for name, values in getattr(module, "FORM_VALUES", {}).items()
}
FORM_FILES = {
    name: make for module in ACCESS for name, make in getattr(module, "FORM_FILES", {}).items()
}
FORM_PAGES = {
    name: page for module in ACCESS for name, page in getattr(module, "FORM_PAGES", {}).items()
}
# How a caller of the API says who they are: a token, not a session.
API_HEADERS = next(module.api_headers for module in ACCESS if hasattr(module, "api_headers"))
API_PREFIX = "/api/"


def _url_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _url_patterns(entry, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


ALL_URLS = sorted(dict(_url_patterns()).items())
URL_NAMES = [name for name, _pattern in ALL_URLS]


def takes_parameters(pattern: URLPattern) -> bool:
    return bool(pattern.pattern.converters) or "<" in str(pattern.pattern)


def address(world: "World", name: str) -> str:
    """The URL ``name`` pointed at organisation B's objects (its probe), in English."""
    pattern = dict(ALL_URLS)[name]
    if takes_parameters(pattern):
        if name not in PROBES:
            raise LookupError(
                f"URL {name!r} takes parameters but no app's tests/access.py has a probe for "
                "it: add one that points it at organisation B's objects."
            )
        return reverse(name, kwargs=PROBES[name](world))
    return reverse(name)


@dataclass
class Site:
    board: OrganisationUnit
    planning_group: OrganisationUnit
    cluster: OrganisationUnit
    collaborative: OrganisationUnit
    lead: Person


# The walk's visitors: signed out, then one person with each kind of role in A (none in B).
ANONYMOUS = "anonymous"
OUTSIDER_ROLES = {
    "practitioner": Role.PRACTITIONER,
    "collaborative lead": Role.COLLABORATIVE_LEAD,
    "cluster lead": Role.CLUSTER_LEAD,
    "planning group chair": Role.PLANNING_GROUP_CHAIR,
    "planning group member": Role.PLANNING_GROUP_MEMBER,
    "health board officer": Role.HEALTH_BOARD_OFFICER,
}
VISITORS = [ANONYMOUS, *OUTSIDER_ROLES]


class World:
    marker = MARKER

    def __init__(self):
        self.far_future = timezone.now() + timedelta(days=30)
        self.a = self._site(health_board("PTHB"), "A")
        self.b = self._site(health_board("SBUHB"), "B")
        for module in ACCESS:
            module.populate(self)
        self.outsider = self._outsiders()
        # What the form fuzz has read of each form's page, read once for this world.
        self.forms_found: dict = {}

    @staticmethod
    def _site(board, label):
        planning_group = PlanningGroupFactory(parent=board)
        cluster = ClusterFactory(parent=planning_group)
        collaborative = CollaborativeFactory(parent=cluster)
        lead = person_with_role(Role.CLUSTER_LEAD, cluster, full_name=f"Lead {label}")
        return Site(board, planning_group, cluster, collaborative, lead)

    def _outsiders(self) -> dict[str, Person]:
        """People with every kind of role in A and none in B, by role."""
        a = self.a
        units = {
            Role.PRACTITIONER: a.collaborative,
            Role.COLLABORATIVE_LEAD: a.collaborative,
            Role.PLANNING_GROUP_CHAIR: a.planning_group,
            Role.PLANNING_GROUP_MEMBER: a.planning_group,
            Role.HEALTH_BOARD_OFFICER: a.board,
        }
        return {
            label: a.lead if role == Role.CLUSTER_LEAD else person_with_role(role, units[role])
            for label, role in OUTSIDER_ROLES.items()
        }

    def outsiders(self) -> list[Person]:
        """People with every kind of role in A and none in B."""
        return list(self.outsider.values())

    def people_of_b(self) -> list[Person]:
        """Everyone holding a role in organisation B, and Wales's administrators."""
        in_b = Q(
            memberships__unit__path__startswith=self.b.board.path,
            memberships__ended_at__isnull=True,
        )
        administrator = Q(memberships__role=Role.ADMINISTRATOR)
        return list(Person.objects.filter(in_b | administrator).distinct().order_by("pk"))
