"""“Keep the order of the lists”: a person who has put the boxes in a meaningful order (most
important first) can have the drawing keep it, instead of the order that crosses fewest lines.

Expected to fail until ``arloesi.diagrams.layout.layout`` takes ``keep_order=`` (it raises
TypeError for it today): the toggle is saved, and then laying the diagram out fails."""

import pytest
from django.urls import reverse

from arloesi.diagrams import selectors, services
from arloesi.diagrams.tests.factories import (
    approved,
    boxes,
    diagram,
    fresh,
    imported,
    practitioner,
    proposal_with_diagram,
)
from arloesi.diagrams.vocabulary import Kind
from arloesi.proposals.tests.factories import setting

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}

# Listed so that every secondary driver sits across from the other primary driver's: in the
# order of the lists their links cross; swapping either column crosses none.
CROSSED = diagram(
    [
        ("aim", "aim", "Fewer falls by 20% by 2028"),
        ("p1", "primary", "Strength and balance"),
        ("p2", "primary", "Safer homes"),
        ("s1", "secondary", "Home hazard checks"),
        ("s2", "secondary", "Regular exercise"),
        ("c1", "change_idea", "Occupational therapy visits"),
        ("c2", "change_idea", "Strength classes"),
    ],
    [("aim", "p1"), ("aim", "p2"), ("p2", "s1"), ("p1", "s2"), ("s1", "c1"), ("s2", "c2")],
    title="Falls",
)


def drawn_order(d) -> list[list[str]]:
    """Each column's boxes, top to bottom, as the drawing has them."""
    d = fresh(d)
    texts = {str(node.pk): node.text for node in selectors.content_of(d).nodes}
    layout = selectors.drawn(selectors.content_of(d))
    columns = [[], [], [], []]
    for box in sorted(layout.boxes, key=lambda box: box.y):
        columns[box.column].append(texts[box.id])
    return columns


def listed_order(d) -> list[list[str]]:
    content = selectors.content_of(d)
    return [[n.text for n in content.of_kind(kind)] for kind in Kind.values]


@pytest.fixture
def maker():
    return practitioner()


@pytest.fixture
def crossed(maker):
    return imported(maker, CROSSED)


def test_by_default_the_drawing_crosses_no_lines(crossed):
    assert selectors.drawn(selectors.content_of(fresh(crossed))).crossings == 0


def test_the_drawing_can_keep_the_order_of_the_lists(maker, crossed):
    d = services.diagram_order_set(actor=maker, diagram=crossed, keep_order=True)
    assert d.keep_order
    assert drawn_order(d) == listed_order(d)
    assert fresh(d).drawing_revision == fresh(d).revision


def test_moving_a_box_up_moves_it_up_in_a_drawing_that_keeps_the_order(maker, crossed):
    d = services.diagram_order_set(actor=maker, diagram=crossed, keep_order=True)
    services.node_move(actor=maker, diagram=d, node_id=boxes(d)["Safer homes"].pk, up=True)
    assert drawn_order(d)[1] == ["Safer homes", "Strength and balance"]


def test_back_to_the_fewest_crossings(maker, crossed):
    d = services.diagram_order_set(actor=maker, diagram=crossed, keep_order=True)
    d = services.diagram_order_set(actor=maker, diagram=d, keep_order=False)
    assert not d.keep_order
    assert selectors.drawn(selectors.content_of(fresh(d))).crossings == 0


def test_the_page_button_switches_the_order_and_says_so(client, maker, crossed):
    client.force_login(maker)
    fragment = client.post(
        reverse("diagrams:order", args=[crossed.pk]),
        {"revision": crossed.revision, "keep_order": "keep"},
        **HTMX,
    ).content.decode()
    assert "The drawing now keeps the order of the lists." in fragment
    assert "Order the boxes to cross the fewest lines" in fragment
    assert "The boxes are drawn in the order of the lists below." in fragment
    assert fresh(crossed).keep_order
    page = client.get(reverse("diagrams:detail", args=[crossed.pk]))
    assert page.status_code == 200


def test_a_diagram_that_keeps_the_order_is_downloaded_as_drawn(client, maker, crossed):
    d = services.diagram_order_set(actor=maker, diagram=crossed, keep_order=True)
    client.force_login(maker)
    for file_format in ("svg", "png", "pdf"):
        response = client.get(reverse("diagrams:export", args=[d.pk, file_format]))
        assert response.status_code == 200, file_format


def test_a_project_starts_from_its_proposals_diagram_keeping_its_order():
    s = setting()
    proposal, d = proposal_with_diagram(s, CROSSED)
    services.diagram_order_set(actor=s.author, diagram=d, keep_order=True)
    project = approved(s, proposal)
    copy = selectors.diagram_of(kind="project", owner_id=project.pk)
    assert copy.keep_order
    assert drawn_order(copy) == listed_order(copy)
