"""Who sees and who changes a diagram, decided once and the same on every page and in every
service: deny by default. A stand-alone diagram is its maker's until they share it; then everyone
signed in may see and copy it, and still only its maker changes it. Anyone else meets a 404 on
every page of it, whatever they try. (Proposals' and projects' diagrams: their apps' tests.)"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from arloesi.diagrams import selectors, services
from arloesi.diagrams.tests.factories import boxes, fresh, own_diagram, practitioner
from arloesi.diagrams.vocabulary import Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def maker():
    return practitioner()


@pytest.fixture
def falls(maker):
    d = own_diagram(maker, title="Fewer falls in Rhondda")
    primary = services.node_add(actor=maker, diagram=d, kind=Kind.PRIMARY, text="Strength")
    services.node_add(
        actor=maker, diagram=d, kind=Kind.SECONDARY, text="Exercise", linked_from=primary.pk
    )
    gone = services.node_add(actor=maker, diagram=d, kind=Kind.CHANGE_IDEA, text="Gone")
    services.node_delete(actor=maker, diagram=d, node_id=gone.pk)
    return fresh(d)


def access(user, d):
    return selectors.diagram_access(user=user, diagram=d)


def every_page(d) -> list[tuple[str, str]]:
    """(method, address) of every page of the diagram, its buttons and its files."""
    node = boxes(d)["Exercise"]
    gone = selectors.deleted_node(
        diagram=d, node_id=d.nodes.filter(deleted_at__isnull=False).get().pk
    )
    pages = []
    for name, kwargs in (
        ("detail", {}),
        ("aim", {}),
        ("share", {}),
        ("delete", {}),
        ("history", {}),
        ("node_edit", {"node_id": node.pk}),
        ("node_links", {"node_id": node.pk}),
    ):
        pages.append(("get", reverse(f"diagrams:{name}", kwargs={"diagram_id": d.pk, **kwargs})))
    for file_format in ("json", "svg", "png", "pdf"):
        pages.append(
            ("get", reverse("diagrams:export", args=[d.pk, file_format])),
        )
    for name, kwargs in (
        ("aim", {}),
        ("order", {}),
        ("share", {}),
        ("delete", {}),
        ("node_add", {"kind": "primary"}),
        ("node_edit", {"node_id": node.pk}),
        ("node_move", {"node_id": node.pk}),
        ("node_delete", {"node_id": node.pk}),
        ("node_restore", {"node_id": gone.pk}),
        ("link_change", {"node_id": node.pk}),
    ):
        pages.append(("post", reverse(f"diagrams:{name}", kwargs={"diagram_id": d.pk, **kwargs})))
    return pages


POSTED = {
    "revision": "1",
    "direction": "up",
    "other": "1",
    "strength": "strong",
    "shared": "yes",
    "primary-text": "Sneaked in",
    "text": "Sneaked in",
    "kind": "primary",
    "expected_version": "1",
    "title": "Taken over",
    "aim": "Taken over",
}


# --- A stand-alone diagram --------------------------------------------------------------------


def test_a_stand_alone_diagram_is_its_makers_alone(maker, falls):
    mine = access(maker, falls)
    assert (mine.may_view, mine.may_edit) == (True, True)
    colleague = practitioner()
    assert (access(colleague, falls).may_view, access(colleague, falls).may_edit) == (False, False)
    assert not access(AnonymousUser(), falls).may_view


def test_even_a_colleague_in_the_same_collaborative_does_not_see_it(maker, falls):
    colleague = practitioner(maker.memberships.get().unit)
    assert not access(colleague, falls).may_view


def test_a_shared_diagram_is_seen_and_copied_by_everyone_signed_in_but_changed_by_its_maker(
    maker, falls
):
    falls = services.diagram_share_set(actor=maker, diagram=falls, shared=True)
    colleague = practitioner()
    theirs = access(colleague, falls)
    assert (theirs.may_view, theirs.may_edit) == (True, False)
    assert services.copy_source(actor=colleague, diagram=falls).title == "Fewer falls in Rhondda"
    with pytest.raises(PermissionDenied):
        services.node_add(actor=colleague, diagram=falls, kind=Kind.PRIMARY, text="Mine now")
    with pytest.raises(PermissionDenied):
        services.diagram_share_set(actor=colleague, diagram=falls, shared=False)
    assert not access(AnonymousUser(), falls).may_view


def test_once_no_longer_shared_it_is_hidden_again(maker, falls):
    falls = services.diagram_share_set(actor=maker, diagram=falls, shared=True)
    falls = services.diagram_share_set(actor=maker, diagram=falls, shared=False)
    assert not access(practitioner(), falls).may_view


def test_a_person_whose_account_is_closed_sees_nothing(maker, falls):
    maker.is_active = False
    maker.save()
    assert not access(maker, falls).may_view


@pytest.mark.parametrize(
    "write",
    [
        lambda who, d, node: services.node_add(
            actor=who, diagram=d, kind=Kind.PRIMARY, text="Sneaked in"
        ),
        lambda who, d, node: services.node_update(
            actor=who,
            diagram=d,
            node_id=node.pk,
            expected_version=node.version,
            text="Sneaked in",
            kind=Kind.SECONDARY,
        ),
        lambda who, d, node: services.node_move(actor=who, diagram=d, node_id=node.pk, up=True),
        lambda who, d, node: services.node_delete(actor=who, diagram=d, node_id=node.pk),
        lambda who, d, node: services.diagram_aim_update(
            actor=who, diagram=d, expected_version=d.version, title="Taken over", aim="Taken"
        ),
        lambda who, d, node: services.diagram_order_set(actor=who, diagram=d, keep_order=True),
        lambda who, d, node: services.diagram_delete(actor=who, diagram=d),
    ],
)
def test_nobody_else_changes_it_through_any_service(maker, falls, write):
    with pytest.raises(PermissionDenied):
        write(practitioner(), falls, boxes(falls)["Exercise"])
    assert fresh(falls).title == "Fewer falls in Rhondda"
    assert "Exercise" in boxes(falls)


# --- Pages: another organisation's diagram is a 404 everywhere --------------------------------


def test_another_organisations_diagram_is_not_found_on_any_page(client, falls):
    client.force_login(practitioner())
    for method, address in every_page(falls):
        response = getattr(client, method)(address, POSTED)
        assert response.status_code == 404, (method, address)
    assert "Sneaked in" not in boxes(falls)
    assert fresh(falls).title == "Fewer falls in Rhondda"


def test_the_pages_ask_a_signed_out_visitor_to_sign_in(client, falls):
    for method, address in every_page(falls):
        response = getattr(client, method)(address, POSTED)
        assert response.status_code == 302, (method, address)
        assert "sign-in" in response["Location"] or "login" in response["Location"]


def test_a_diagram_that_does_not_exist_is_not_found(client, maker):
    client.force_login(maker)
    assert client.get(reverse("diagrams:detail", args=[999_999])).status_code == 404
    assert client.get(reverse("diagrams:export", args=[999_999, "json"])).status_code == 404


def test_one_diagrams_box_is_not_reached_through_another(client, maker, falls):
    theirs = own_diagram(practitioner(), title="Theirs")
    their_aim = boxes(theirs)[next(iter(boxes(theirs)))]
    client.force_login(maker)
    for name in ("node_edit", "node_move", "node_delete", "node_restore", "node_links"):
        address = reverse(f"diagrams:{name}", args=[falls.pk, their_aim.pk])
        method = client.get if name in ("node_edit", "node_links") else client.post
        assert method(address, POSTED).status_code == 404, name
    exercise = boxes(falls)["Exercise"]
    response = client.post(
        reverse("diagrams:link_change", args=[falls.pk, exercise.pk]),
        {"revision": "1", "other": str(their_aim.pk), "strength": "strong"},
    )
    assert response.status_code == 404


def test_a_reader_of_a_shared_diagram_is_told_it_cannot_be_changed_here(client, maker, falls):
    falls = services.diagram_share_set(actor=maker, diagram=falls, shared=True)
    client.force_login(practitioner())
    page = client.get(reverse("diagrams:detail", args=[falls.pk]))
    assert page.status_code == 200
    assert "Add a primary driver" not in page.content.decode()
    assert "Delete this diagram" not in page.content.decode()
    for method, address in every_page(falls):
        if method == "post":
            response = client.post(address, POSTED, follow=True)
            assert response.redirect_chain[0][0] == reverse("diagrams:detail", args=[falls.pk])
            assert "This diagram cannot be changed here." in response.content.decode()
    assert "Sneaked in" not in boxes(falls)
    assert fresh(falls).title == "Fewer falls in Rhondda"


# --- The list ---------------------------------------------------------------------------------


def test_the_list_shows_only_the_diagrams_one_may_see(client, maker, falls):
    mine = own_diagram(maker, title="Same-day access")
    hidden = own_diagram(practitioner(), title="Somebody's private plan")
    shared = services.diagram_share_set(
        actor=hidden.created_by,
        diagram=own_diagram(hidden.created_by, title="Care home template"),
        shared=True,
    )
    client.force_login(maker)
    page = client.get(reverse("diagrams:list")).content.decode()
    assert "Fewer falls in Rhondda" in page
    assert mine.title in page
    assert shared.title in page
    assert "Shared template" in page
    assert "private plan" not in page


def test_the_list_is_searched_by_title_among_what_one_may_see(client, maker, falls):
    own_diagram(maker, title="Same-day access")
    own_diagram(practitioner(), title="Falls: somebody else's")
    client.force_login(maker)
    page = client.get(reverse("diagrams:list"), {"q": "falls"}).content.decode()
    assert "Fewer falls in Rhondda" in page
    assert "Same-day access" not in page
    assert "somebody else" not in page


def test_the_list_asks_a_signed_out_visitor_to_sign_in(client):
    assert client.get(reverse("diagrams:list")).status_code == 302


# --- Starting one -----------------------------------------------------------------------------


def test_a_copy_link_to_a_diagram_one_may_not_see_offers_no_copy(client, falls):
    client.force_login(practitioner())
    page = client.get(reverse("diagrams:start"), {"copy": falls.pk}).content.decode()
    assert "A copy of" not in page
    assert "Fewer falls in Rhondda" not in page
    response = client.post(
        reverse("diagrams:start") + f"?copy={falls.pk}", {"source": "copy", "title": ""}
    )
    assert response.status_code == 200
    assert "Fewer falls in Rhondda" not in response.content.decode()


@pytest.mark.parametrize(
    "owner", ["proposal:999999", "project:999999", "proposal:", "nonsense:1", "standalone:3"]
)
def test_a_diagram_is_not_started_for_what_one_may_not_change(client, maker, owner):
    client.force_login(maker)
    assert client.get(reverse("diagrams:start"), {"owner": owner}).status_code == 404
