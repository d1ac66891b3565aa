"""Two people editing one diagram at once never lose each other's changes silently: boxes both
add are both kept, a box or an aim someone else changed meanwhile is shown to the other before
anything is overwritten, and the page says when someone else has changed the diagram.

The edits here take turns, as the diagram's row lock makes them (``services.rules.editable``):
a test of writes really at the same moment needs committed data in PostgreSQL (a transactional
test), and a transactional test's flush takes away the organisations the migrations made, which
other tests need."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from arloesi.core.audit import ConcurrentEditError
from arloesi.diagrams import services
from arloesi.diagrams.tests.factories import CARE_HOMES, boxes, column, fresh, imported, lines
from arloesi.diagrams.vocabulary import Kind
from arloesi.organisations.tests.factories import PersonFactory
from arloesi.proposals.tests.factories import accepted_co_author, draft, setting

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
SOMEONE_ELSE = "Someone else has changed this diagram since you opened it"


@pytest.fixture
def pair():
    """A proposal's diagram and its two authors, each with the page open."""
    s = setting()
    proposal = draft(s)
    other = accepted_co_author(proposal, PersonFactory()).person
    d = imported(s.author, CARE_HOMES, owner_kind="proposal", owner_id=proposal.pk)
    return d, s.author, other


def test_boxes_two_people_add_from_the_same_page_are_both_kept(client, pair):
    d, first, second = pair
    opened = d.revision
    services.node_add(actor=first, diagram=d, kind=Kind.PRIMARY, text="Families involved")
    client.force_login(second)
    fragment = client.post(
        reverse("diagrams:node_add", args=[d.pk, "primary"]),
        {"revision": opened, "primary-text": "Out-of-hours GP support"},
        **HTMX,
    ).content.decode()
    assert {"Families involved", "Out-of-hours GP support"} <= set(boxes(d))
    assert SOMEONE_ELSE in fragment
    assert "Families involved" in fragment
    assert column(d, Kind.PRIMARY)[-2:] == ["Families involved", "Out-of-hours GP support"]


def test_a_box_both_change_keeps_the_first_and_shows_it_to_the_second(client, pair):
    d, first, second = pair
    box = boxes(d)["Weekly MDT ward round"]
    services.node_update(
        actor=first,
        diagram=d,
        node_id=box.pk,
        expected_version=box.version,
        text="Fortnightly MDT ward round",
        kind=Kind.CHANGE_IDEA,
    )
    client.force_login(second)
    page = client.post(
        reverse("diagrams:node_edit", args=[d.pk, box.pk]),
        {"expected_version": box.version, "text": "Weekly MDT huddle", "kind": "change_idea"},
    ).content.decode()
    assert "What the other person saved" in page
    assert "Fortnightly MDT ward round" in page
    assert "Weekly MDT huddle" in page
    assert "Fortnightly MDT ward round" in boxes(d)
    # Saving again, having seen theirs, is a choice: it is saved.
    page = client.post(
        reverse("diagrams:node_edit", args=[d.pk, box.pk]),
        {
            "expected_version": boxes(d)["Fortnightly MDT ward round"].version,
            "text": "Weekly MDT huddle",
            "kind": "change_idea",
        },
    )
    assert page.status_code == 302
    assert "Weekly MDT huddle" in boxes(d)


def test_an_aim_both_change_keeps_the_first(pair):
    d, first, second = pair
    opened = d.version
    aim = CARE_HOMES["nodes"][0]["text"]
    services.diagram_aim_update(
        actor=first,
        diagram=d,
        expected_version=opened,
        title=d.title,
        aim="Reduce avoidable A&E attendances from care homes by 30% by March 2029",
    )
    with pytest.raises(ConcurrentEditError):
        services.diagram_aim_update(
            actor=second,
            diagram=d,
            expected_version=opened,
            title="Care homes",
            aim=aim,
        )
    assert fresh(d).title == CARE_HOMES["title"]
    assert "Reduce avoidable A&E attendances from care homes by 30% by March 2029" in boxes(d)


def test_a_link_to_a_box_moved_meanwhile_to_the_same_column_is_refused(pair):
    d, first, second = pair
    p1 = boxes(d)["Proactive care planning"]
    s2 = boxes(d)["Staff recognise deterioration early"]
    services.node_update(
        actor=first,
        diagram=d,
        node_id=s2.pk,
        expected_version=s2.version,
        text=s2.text,
        kind=Kind.PRIMARY,
    )
    with pytest.raises(ValidationError, match="left to right"):
        services.link_set(
            actor=second, diagram=d, source_id=p1.pk, target_id=s2.pk, strength="strong"
        )


def test_a_box_someone_else_deleted_meanwhile_is_not_moved_and_the_editor_says_why(client, pair):
    d, first, second = pair
    opened = d.revision
    c1 = boxes(d)["Weekly MDT ward round"]
    services.node_delete(actor=first, diagram=d, node_id=c1.pk)
    client.force_login(second)
    for name in ("node_move", "node_delete"):
        response = client.post(
            reverse(f"diagrams:{name}", args=[d.pk, c1.pk]),
            {"revision": opened, "direction": "up"},
            **HTMX,
        )
        assert response.status_code == 200, name
        fragment = response.content.decode()
        assert "Someone else changed this while you were looking at it" in fragment
        assert SOMEONE_ELSE in fragment
        # The editor now shows the diagram without the box (it is under "Recently deleted").
        assert f'id="box-{c1.pk}"' not in fragment
    assert "Weekly MDT ward round" not in boxes(d)
    # Without JavaScript: back to the page, with the same message.
    response = client.post(
        reverse("diagrams:node_move", args=[d.pk, c1.pk]),
        {"revision": opened, "direction": "up"},
        follow=True,
    )
    assert "Someone else changed this while you were looking at it" in response.content.decode()
    # Their undo still brings it back, with its links; a second undo finds it back already.
    services.node_restore(actor=first, diagram=d, node_id=c1.pk)
    assert ("Anticipatory care plans in place", "Weekly MDT ward round", "weak") in lines(d)
    fragment = client.post(
        reverse("diagrams:node_restore", args=[d.pk, c1.pk]), {"revision": opened}, **HTMX
    ).content.decode()
    assert "Someone else changed this while you were looking at it" in fragment


def test_a_box_of_another_diagram_is_still_not_found(client, pair):
    d, first, second = pair
    other = imported(second, CARE_HOMES)
    theirs = boxes(other)["Weekly MDT ward round"]
    client.force_login(first)
    for name in ("node_move", "node_delete", "node_restore"):
        response = client.post(
            reverse(f"diagrams:{name}", args=[d.pk, theirs.pk]),
            {"revision": d.revision, "direction": "up"},
            **HTMX,
        )
        assert response.status_code == 404, name
