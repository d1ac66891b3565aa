"""The gentle checks: what a driver diagram usually has, said as advice and never a refusal —
two to five primary drivers, an aim with a number and a date, a change idea acting on every
driver, and every box linked to something on its left."""

from datetime import date

import pytest
from django.utils import translation

from arloesi.diagrams.checks import AimParts, CheckedNode, checks_for

GOOD_AIM = AimParts(text="Reduce falls among people over 75 by 20% by March 2028")


def nodes(*specs) -> list[CheckedNode]:
    """Boxes from (id, kind) pairs; their words are their ids."""
    return [CheckedNode(id=i, kind=kind, text=f"box {i}") for i, kind in specs]


def complete(primaries: int = 2):
    """An aim, ``primaries`` primary drivers each with a secondary driver and a change idea."""
    found = [(1, "aim")]
    links = []
    for n in range(primaries):
        p, s, c = 10 + n, 100 + n, 1000 + n
        found += [(p, "primary"), (s, "secondary"), (c, "change_idea")]
        links += [(1, p), (p, s), (s, c)]
    return nodes(*found), links


def messages(found) -> list[str]:
    return [check.message for check in found]


def test_a_complete_diagram_has_nothing_to_look_at():
    assert checks_for(GOOD_AIM, *complete(2)) == []
    assert checks_for(GOOD_AIM, *complete(5)) == []


def test_no_primary_drivers_asks_for_two_to_five():
    found = checks_for(GOOD_AIM, nodes((1, "aim")), [])
    assert messages(found) == [
        "Add the primary drivers: the two to five things that most need to change to reach the aim."
    ]


def test_one_primary_driver_asks_what_else_must_change():
    found = messages(checks_for(GOOD_AIM, *complete(1)))
    assert any(m.startswith("There is only one primary driver.") for m in found)


def test_six_primary_drivers_ask_whether_some_could_be_combined():
    found = messages(checks_for(GOOD_AIM, *complete(6)))
    assert any(m.startswith("There are 6 primary drivers.") for m in found)
    assert len(found) == 1


@pytest.mark.parametrize(
    ("aim", "number", "when"),
    [
        (AimParts(text="Fewer falls"), False, False),
        (AimParts(text="Fewer falls by 2028"), True, True),
        (AimParts(text="Fewer falls by a fifth by March"), False, True),
        (AimParts(text="Llai o gwympiadau erbyn mis Mawrth"), False, True),
        (AimParts(text="Fewer falls", how_much="20%"), True, False),
        (AimParts(text="Fewer falls", target="96 a month"), True, False),
        (AimParts(text="Fewer falls", by_when=date(2028, 3, 31)), False, True),
    ],
)
def test_an_aim_needs_a_number_and_a_date_in_its_words_or_its_smart_parts(aim, number, when):
    found = messages(checks_for(aim, *complete(2)))
    assert any("The aim has no number" in m for m in found) is not number
    assert any("The aim has no date" in m for m in found) is not when


def test_a_driver_with_no_change_idea_is_named():
    boxes = nodes(
        (1, "aim"), (10, "primary"), (11, "primary"), (100, "secondary"), (1000, "change_idea")
    )
    links = [(1, 10), (1, 11), (10, 100), (100, 1000)]
    (check,) = checks_for(GOOD_AIM, boxes, links)
    assert check.message == "This driver has no change idea acting on it yet:"
    assert [node.id for node in check.nodes] == [11]


def test_a_primary_driver_acted_on_directly_by_a_change_idea_is_fine():
    boxes = nodes((1, "aim"), (10, "primary"), (11, "primary"), (1000, "change_idea"))
    links = [(1, 10), (1, 11), (10, 1000), (11, 1000)]
    assert checks_for(GOOD_AIM, boxes, links) == []


def test_several_drivers_with_no_change_idea_are_named_together():
    boxes = nodes((1, "aim"), (10, "primary"), (11, "primary"), (100, "secondary"))
    links = [(1, 10), (1, 11), (10, 100)]
    found = checks_for(GOOD_AIM, boxes, links)
    assert found[0].message == "These drivers have no change idea acting on them yet:"
    assert {node.id for node in found[0].nodes} == {10, 11, 100}


def test_boxes_not_linked_to_anything_on_their_left_are_named():
    boxes, links = complete(2)
    boxes += nodes((500, "secondary"), (5000, "change_idea"))
    links += [(500, 5000)]
    found = checks_for(GOOD_AIM, boxes, links)
    unlinked = next(c for c in found if "not linked to anything" in c.message)
    assert unlinked.message == "This box is not linked to anything to its left:"
    assert [node.id for node in unlinked.nodes] == [500]
    assert [node.text for node in unlinked.nodes] == ["box 500"]


def test_the_checks_are_said_in_the_readers_language():
    with translation.override("cy"):
        welsh = messages(checks_for(AimParts(text="Llai"), nodes((1, "aim")), []))
    assert len(welsh) == 3
    assert all(message for message in welsh)
