"""What a diagram belongs to, and who may see and change it: the owner's app decides.

The diagrams app sits below proposals and projects (ADR 0004), so it cannot ask them directly.
Each of them registers an ``Owner`` in its ``AppConfig.ready()``; this module is the diagrams
app's whole knowledge of them. An owner answers, from its own access rules (never copied here):

- ``access(user=, owner_id=)``: the owner's title and page, whether the reader may see it and
  whether they may change its diagram — or ``None`` when the reader may not see it at all;
- ``visible(user=)``: the ids of the owners the reader may see, as a queryset a list can use as
  a subquery (one query for the whole list, whatever its length);
- ``summaries(ids=)``: the title and page of each of a list's owners, in one query.

A diagram of no registered kind is seen by nobody. Stand-alone diagrams are the diagrams app's
own: its maker sees and changes it, and everyone signed in sees it once it is shared.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.db.models import QuerySet


@dataclass(frozen=True)
class OwnerAccess:
    title: str
    url: str
    may_view: bool
    may_edit: bool


@dataclass(frozen=True)
class OwnerSummary:
    title: str
    url: str


class Owner(Protocol):
    kind: str

    def access(self, *, user, owner_id: int) -> OwnerAccess | None: ...

    def visible(self, *, user) -> QuerySet: ...

    def summaries(self, *, ids: Iterable[int]) -> dict[int, OwnerSummary]: ...


_OWNERS: dict[str, Owner] = {}


def register(owner: Owner) -> None:
    _OWNERS[owner.kind] = owner


def owner_of(kind: str) -> Owner | None:
    return _OWNERS.get(kind)


def registered() -> dict[str, Owner]:
    return dict(_OWNERS)
