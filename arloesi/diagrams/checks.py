"""Gentle checks: what a driver diagram usually has, said as advice, never a refusal.

- 2 to 5 primary drivers (fewer and the aim is probably not broken down; more and some are
  probably secondary drivers or could be combined);
- an aim with a number (how much) and a date (by when): the SMART parts or the statement;
- every driver with at least one change idea acting on it (a primary driver through one of its
  secondary drivers, or directly);
- every secondary driver serving a primary driver, every change idea serving a driver.

``checks_for(aim, nodes, links)`` takes plain values and returns ``Check``s in the reader's
language, each naming the boxes it is about.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FEWEST_PRIMARY = 2
MOST_PRIMARY = 5
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(19|20|21)\d\d\b")
_MONTHS = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AimParts:
    text: str
    how_much: str = ""
    target: str = ""
    by_when: date | None = None


@dataclass(frozen=True)
class CheckedNode:
    id: int
    kind: str
    text: str


@dataclass(frozen=True)
class Check:
    message: str
    nodes: tuple[CheckedNode, ...] = field(default=())


def checks_for(
    aim: AimParts, nodes: Sequence[CheckedNode], links: Sequence[tuple[int, int]]
) -> list[Check]:
    found = _primary_count([n for n in nodes if n.kind == "primary"])
    found += _aim(aim)
    found += _unconnected(nodes, links)
    return found


def _primary_count(primaries: list[CheckedNode]) -> list[Check]:
    count = len(primaries)
    if count == 0:
        return [
            Check(
                _(
                    "Add the primary drivers: the two to five things that most need to change "
                    "to reach the aim."
                )
            )
        ]
    if count < FEWEST_PRIMARY:
        return [
            Check(
                _(
                    "There is only one primary driver. Most aims need two to five: what else "
                    "must change to reach the aim?"
                )
            )
        ]
    if count > MOST_PRIMARY:
        return [
            Check(
                _(
                    "There are %(count)s primary drivers. Most aims need two to five: could "
                    "some be combined, or be secondary drivers?"
                )
                % {"count": count}
            )
        ]
    return []


def _aim(aim: AimParts) -> list[Check]:
    found = []
    if not any(_DIGIT.search(text) for text in (aim.text, aim.how_much, aim.target)):
        found.append(
            Check(
                _(
                    "The aim has no number: say how much will change (for example, from 62 to "
                    "80 in every 100 requests)."
                )
            )
        )
    if aim.by_when is None and not (_YEAR.search(aim.text) or _MONTHS.search(aim.text)):
        found.append(Check(_("The aim has no date: say by when it will be reached.")))
    return found


def _unconnected(nodes: Sequence[CheckedNode], links: Sequence[tuple[int, int]]) -> list[Check]:
    kind_of = {node.id: node.kind for node in nodes}
    has_source = {target for _source, target in links}
    targets: dict[int, set[int]] = {}
    for source, target in links:
        targets.setdefault(source, set()).add(target)

    def reaches_change_idea(node_id: int) -> bool:
        for target in targets.get(node_id, ()):
            if kind_of.get(target) == "change_idea":
                return True
            if kind_of.get(target) == "secondary" and any(
                kind_of.get(t) == "change_idea" for t in targets.get(target, ())
            ):
                return True
        return False

    drivers = [n for n in nodes if n.kind in ("primary", "secondary")]
    no_idea = tuple(n for n in drivers if not reaches_change_idea(n.id))
    unserved = tuple(n for n in nodes if n.kind != "aim" and n.id not in has_source)
    found = []
    if no_idea:
        found.append(
            Check(
                ngettext(
                    "This driver has no change idea acting on it yet:",
                    "These drivers have no change idea acting on them yet:",
                    len(no_idea),
                ),
                no_idea,
            )
        )
    if unserved:
        found.append(
            Check(
                ngettext(
                    "This box is not linked to anything to its left:",
                    "These boxes are not linked to anything to their left:",
                    len(unserved),
                ),
                unserved,
            )
        )
    return found
