"""Building a driver diagram, as the person who builds it: starting one (blank, from an example,
as a copy, from a file), adding, changing, moving, deleting and bringing back boxes, linking
them, and what every change leaves behind — the history, the next revision and its drawing."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max

from arloesi.core.audit import ConcurrentEditError
from arloesi.core.models import AuditEvent
from arloesi.diagrams import library, selectors, services, stored
from arloesi.diagrams.models import Diagram, DiagramLink, DiagramNode
from arloesi.diagrams.tests.factories import (
    CARE_HOMES,
    boxes,
    column,
    diagram,
    fresh,
    imported,
    lines,
    own_diagram,
    practitioner,
)
from arloesi.diagrams.vocabulary import Kind
from arloesi.proposals.tests.factories import draft, setting

pytestmark = pytest.mark.django_db

AIM = "Fewer falls among people over 75 by 2028: 20%"


def events(obj, action=None) -> list[AuditEvent]:
    found = AuditEvent.objects.filter(object_id=str(obj.pk), object_repr__isnull=False).filter(
        content_type__model=type(obj)._meta.model_name
    )
    if action:
        found = found.filter(action=action)
    return list(found.order_by("at", "id"))


def add(actor, d, kind, text, linked_from=None):
    return services.node_add(actor=actor, diagram=d, kind=kind, text=text, linked_from=linked_from)


@pytest.fixture
def maker():
    return practitioner()


@pytest.fixture
def falls(maker):
    """A diagram with two primary drivers, a secondary driver serving both and a change idea."""
    d = own_diagram(maker, aim=AIM)
    strength = add(maker, d, Kind.PRIMARY, "Strength and balance")
    homes = add(maker, d, Kind.PRIMARY, "Safer homes")
    exercise = add(maker, d, Kind.SECONDARY, "Regular exercise", strength.pk)
    services.link_set(
        actor=maker, diagram=d, source_id=homes.pk, target_id=exercise.pk, strength="weak"
    )
    add(maker, d, Kind.CHANGE_IDEA, "Strength classes at the leisure centre", exercise.pk)
    return fresh(d)


# --- Starting a diagram -----------------------------------------------------------------------


def test_a_blank_diagram_has_only_its_aim(maker):
    d = own_diagram(maker, title="Fewer falls", aim=AIM)
    assert d.title == "Fewer falls"
    assert d.created_by == maker
    assert list(boxes(d)) == [AIM]
    assert boxes(d)[AIM].kind == Kind.AIM
    assert lines(d) == set()
    assert events(d, AuditEvent.Action.CREATED)[0].actor == maker


def test_a_blank_diagram_with_no_title_is_called_a_driver_diagram(maker):
    d = services.diagram_start(
        actor=maker,
        owner_kind="standalone",
        title="",
        source=services.blank(title="", aim=AIM),
    )
    assert d.title == "Driver diagram"


@pytest.mark.parametrize("language", library.LANGUAGES)
@pytest.mark.parametrize("slug", [e.slug for e in library.examples("en")])
def test_an_example_starts_a_diagram_with_all_its_boxes_links_and_smart_aim(maker, slug, language):
    example = library.example(slug, language)
    d = services.diagram_start(
        actor=maker, owner_kind="standalone", title="", source=example.document, example=True
    )
    assert d.title == example.title
    assert sorted(boxes(d)) == sorted(node.text for node in example.document.nodes)
    assert len(lines(d)) == len(example.document.links)
    smart = example.document.extra["smart_aim"]
    assert d.aim_what == smart["what"]
    assert d.aim_by_when == date.fromisoformat(smart["by_when"])
    # What the example says about itself is the example's, not the new diagram's.
    assert "summary" not in d.extra
    assert "smart_aim" not in d.extra


def test_the_welsh_example_is_in_welsh(maker):
    english = library.examples("en")[0]
    welsh = library.example(english.slug, "cy")
    assert welsh.title != english.title
    d = services.diagram_start(
        actor=maker, owner_kind="standalone", title="", source=welsh.document, example=True
    )
    assert d.title == welsh.title


def test_a_copy_of_a_diagram_one_may_see_is_ones_own_to_change(maker, falls):
    falls = services.diagram_share_set(actor=maker, diagram=falls, shared=True)
    colleague = practitioner()
    source = services.copy_source(actor=colleague, diagram=falls)
    copy = services.diagram_start(
        actor=colleague, owner_kind="standalone", title="Our falls plan", source=source
    )
    assert copy.title == "Our falls plan"
    assert copy.created_by == colleague
    assert set(boxes(copy)) == set(boxes(falls))
    assert lines(copy) == lines(falls)
    add(colleague, copy, Kind.PRIMARY, "Medicines review")
    assert "Medicines review" not in boxes(falls)


def test_a_diagram_one_may_not_see_cannot_be_copied(falls):
    with pytest.raises(PermissionDenied):
        services.copy_source(actor=practitioner(), diagram=falls)


def test_a_file_starts_a_diagram_with_every_box_and_link(maker):
    d = imported(maker, CARE_HOMES)
    assert d.title == CARE_HOMES["title"]
    assert len(boxes(d)) == 10
    assert (
        "Proactive care planning",
        "Anticipatory care plans in place",
        "strong",
    ) in lines(d)
    assert ("Proactive care planning", "Rapid access to clinical advice", "weak") in lines(d)
    # Each box and link appears in the history, made by the person who imported the file.
    created = AuditEvent.objects.filter(action=AuditEvent.Action.CREATED, actor=maker)
    assert created.filter(content_type__model="diagramnode").count() == 10
    assert created.filter(content_type__model="diagramlink").count() == 12


def test_a_file_with_a_box_without_words_is_refused_naming_the_box(maker):
    data = diagram([("aim", "aim", "Fewer falls"), ("p1", "primary", "   ")], [("aim", "p1")])
    with pytest.raises(ValidationError, match="p1"):
        imported(maker, data)
    assert not Diagram.objects.exists()


def test_a_file_of_more_than_a_thousand_boxes_is_refused(maker):
    nodes = [("aim", "aim", "Fewer falls")] + [
        (f"c{i}", "change_idea", f"Idea {i}") for i in range(services.MAX_BOXES)
    ]
    with pytest.raises(ValidationError, match="at most 1,000 boxes"):
        imported(maker, diagram(nodes, []))
    assert not Diagram.objects.exists()


def test_nobody_signed_out_starts_a_diagram():
    with pytest.raises(PermissionDenied):
        own_diagram(AnonymousUser())


# --- Adding boxes -----------------------------------------------------------------------------


def test_a_new_primary_driver_is_linked_from_the_aim(maker):
    d = own_diagram(maker, aim=AIM)
    add(maker, d, Kind.PRIMARY, "Strength and balance")
    assert lines(d) == {(AIM, "Strength and balance", "strong")}


def test_a_new_box_is_linked_from_the_box_chosen(maker, falls):
    exercise = boxes(falls)["Regular exercise"]
    add(maker, falls, Kind.CHANGE_IDEA, "Tai chi in the community hall", exercise.pk)
    assert ("Regular exercise", "Tai chi in the community hall", "strong") in lines(falls)


def test_a_new_box_with_no_box_chosen_is_linked_from_nothing(maker, falls):
    add(maker, falls, Kind.SECONDARY, "Fewer sedating medicines")
    assert not any(target == "Fewer sedating medicines" for _s, target, _k in lines(falls))


def test_a_new_box_goes_at_the_end_of_its_column(maker, falls):
    add(maker, falls, Kind.PRIMARY, "Medicines review")
    assert column(falls, Kind.PRIMARY) == [
        "Strength and balance",
        "Safer homes",
        "Medicines review",
    ]


def test_a_link_that_would_run_backwards_is_refused(maker, falls):
    idea = boxes(falls)["Strength classes at the leisure centre"]
    with pytest.raises(ValidationError) as refusal:
        add(maker, falls, Kind.SECONDARY, "Walking groups", idea.pk)
    assert "left to right" in str(refusal.value)
    assert "Walking groups" not in boxes(falls)


def test_a_box_is_linked_only_from_a_box_of_the_same_diagram(maker, falls):
    elsewhere = own_diagram(maker, title="Another")
    other_primary = add(maker, elsewhere, Kind.PRIMARY, "Somewhere else")
    with pytest.raises(PermissionDenied):
        add(maker, falls, Kind.SECONDARY, "Walking groups", other_primary.pk)


def test_no_second_aim_is_added(maker, falls):
    with pytest.raises(ValidationError):
        add(maker, falls, Kind.AIM, "Another aim")


def test_a_diagram_holds_at_most_a_thousand_boxes(maker, monkeypatch):
    d = own_diagram(maker)
    DiagramNode.objects.bulk_create(
        DiagramNode(diagram=d, kind=Kind.CHANGE_IDEA, text=f"Idea {i}", position=i)
        for i in range(services.MAX_BOXES - 2)
    )
    add(maker, d, Kind.PRIMARY, "The thousandth box")
    with pytest.raises(ValidationError, match="at most 1,000 boxes"):
        add(maker, d, Kind.PRIMARY, "One too many")
    assert "One too many" not in boxes(d)


def test_a_deleted_box_cannot_come_back_to_a_full_diagram(maker):
    d = own_diagram(maker)
    spare = add(maker, d, Kind.PRIMARY, "Spare")
    services.node_delete(actor=maker, diagram=d, node_id=spare.pk)
    DiagramNode.objects.bulk_create(
        DiagramNode(diagram=d, kind=Kind.CHANGE_IDEA, text=f"Idea {i}", position=i)
        for i in range(services.MAX_BOXES - 1)
    )
    with pytest.raises(ValidationError, match="at most 1,000 boxes"):
        services.node_restore(actor=maker, diagram=d, node_id=spare.pk)


# --- Changing a box ---------------------------------------------------------------------------


def test_new_words_for_a_box_are_saved_and_recorded(maker, falls):
    homes = boxes(falls)["Safer homes"]
    node, removed = services.node_update(
        actor=maker,
        diagram=falls,
        node_id=homes.pk,
        expected_version=homes.version,
        text="Homes free of trip hazards",
        kind=Kind.PRIMARY,
    )
    assert removed == []
    assert "Homes free of trip hazards" in boxes(falls)
    change = events(node, AuditEvent.Action.UPDATED)[-1]
    assert change.actor == maker
    assert change.changes["text"] == ["Safer homes", "Homes free of trip hazards"]


def test_moving_a_box_to_another_column_removes_the_links_that_would_run_backwards(maker, falls):
    exercise = boxes(falls)["Regular exercise"]
    node, removed = services.node_update(
        actor=maker,
        diagram=falls,
        node_id=exercise.pk,
        expected_version=exercise.version,
        text="Regular exercise",
        kind=Kind.CHANGE_IDEA,
    )
    assert node.kind == Kind.CHANGE_IDEA
    # Both primary drivers still run to it; its own change idea would now run backwards.
    assert sorted(removed) == ["Regular exercise → Strength classes at the leisure centre"]
    assert lines(falls) >= {
        ("Strength and balance", "Regular exercise", "strong"),
        ("Safer homes", "Regular exercise", "weak"),
    }
    assert not any(s == "Regular exercise" for s, _t, _k in lines(falls))
    assert column(falls, Kind.CHANGE_IDEA)[-1] == "Regular exercise"


def test_moving_a_box_leftwards_removes_the_links_from_its_old_column(maker, falls):
    exercise = boxes(falls)["Regular exercise"]
    _node, removed = services.node_update(
        actor=maker,
        diagram=falls,
        node_id=exercise.pk,
        expected_version=exercise.version,
        text="Regular exercise",
        kind=Kind.PRIMARY,
    )
    assert sorted(removed) == [
        "Safer homes → Regular exercise",
        "Strength and balance → Regular exercise",
    ]
    assert ("Regular exercise", "Strength classes at the leisure centre", "strong") in lines(falls)


def test_the_aim_stays_in_its_column(maker, falls):
    aim = boxes(falls)[AIM]
    with pytest.raises(ValidationError):
        services.node_update(
            actor=maker,
            diagram=falls,
            node_id=aim.pk,
            expected_version=aim.version,
            text=AIM,
            kind=Kind.PRIMARY,
        )


def test_a_change_to_a_box_someone_else_changed_meanwhile_is_refused(maker, falls):
    homes = boxes(falls)["Safer homes"]
    services.node_update(
        actor=maker,
        diagram=falls,
        node_id=homes.pk,
        expected_version=homes.version,
        text="Homes free of trip hazards",
        kind=Kind.PRIMARY,
    )
    with pytest.raises(ConcurrentEditError) as stale:
        services.node_update(
            actor=maker,
            diagram=falls,
            node_id=homes.pk,
            expected_version=homes.version,
            text="Safer homes and gardens",
            kind=Kind.PRIMARY,
        )
    assert stale.value.current.text == "Homes free of trip hazards"
    assert "Homes free of trip hazards" in boxes(falls)


# --- Moving up and down -----------------------------------------------------------------------


def test_a_box_moves_up_and_down_its_list(maker, falls):
    homes = boxes(falls)["Safer homes"]
    services.node_move(actor=maker, diagram=falls, node_id=homes.pk, up=True)
    assert column(falls, Kind.PRIMARY) == ["Safer homes", "Strength and balance"]
    services.node_move(actor=maker, diagram=falls, node_id=homes.pk, up=False)
    assert column(falls, Kind.PRIMARY) == ["Strength and balance", "Safer homes"]


def test_moving_past_either_end_of_the_list_does_nothing(maker, falls):
    first = boxes(falls)["Strength and balance"]
    last = boxes(falls)["Safer homes"]
    revision = fresh(falls).revision
    services.node_move(actor=maker, diagram=falls, node_id=first.pk, up=True)
    services.node_move(actor=maker, diagram=falls, node_id=last.pk, up=False)
    assert column(falls, Kind.PRIMARY) == ["Strength and balance", "Safer homes"]
    assert fresh(falls).revision == revision


def test_boxes_with_the_same_position_still_move(maker):
    d = own_diagram(maker)
    for text in ("First", "Second", "Third"):
        add(maker, d, Kind.PRIMARY, text)
    # Added at the same moment by two people: the numbers can repeat.
    DiagramNode.objects.filter(diagram=d, kind=Kind.PRIMARY).update(position=1)
    third = boxes(d)["Third"]
    services.node_move(actor=maker, diagram=d, node_id=third.pk, up=True)
    assert column(d, Kind.PRIMARY) == ["First", "Third", "Second"]
    services.node_move(actor=maker, diagram=d, node_id=third.pk, up=True)
    assert column(d, Kind.PRIMARY) == ["Third", "First", "Second"]


# --- Deleting and undo ------------------------------------------------------------------------


def test_a_deleted_box_goes_with_its_links_and_undo_brings_both_back(maker, falls):
    exercise = boxes(falls)["Regular exercise"]
    before = lines(falls)
    services.node_delete(actor=maker, diagram=falls, node_id=exercise.pk)
    assert "Regular exercise" not in boxes(falls)
    assert not any("Regular exercise" in (s, t) for s, t, _k in lines(falls))
    services.node_restore(actor=maker, diagram=falls, node_id=exercise.pk)
    assert "Regular exercise" in boxes(falls)
    assert lines(falls) == before


def test_undo_does_not_bring_back_a_link_to_a_box_deleted_meanwhile(maker, falls):
    exercise = boxes(falls)["Regular exercise"]
    classes = boxes(falls)["Strength classes at the leisure centre"]
    services.node_delete(actor=maker, diagram=falls, node_id=exercise.pk)
    services.node_delete(actor=maker, diagram=falls, node_id=classes.pk)
    services.node_restore(actor=maker, diagram=falls, node_id=exercise.pk)
    assert ("Strength and balance", "Regular exercise", "strong") in lines(falls)
    assert "Strength classes at the leisure centre" not in boxes(falls)
    assert not any(s == "Regular exercise" for s, _t, _k in lines(falls))


def test_a_box_brought_back_goes_back_where_it_was_in_its_list(maker, falls):
    first = boxes(falls)["Strength and balance"]
    services.node_delete(actor=maker, diagram=falls, node_id=first.pk)
    assert column(falls, Kind.PRIMARY) == ["Safer homes"]
    services.node_restore(actor=maker, diagram=falls, node_id=first.pk)
    assert column(falls, Kind.PRIMARY) == ["Strength and balance", "Safer homes"]


def test_the_aim_cannot_be_deleted(maker, falls):
    aim = boxes(falls)[AIM]
    with pytest.raises(ValidationError, match="aim cannot be deleted"):
        services.node_delete(actor=maker, diagram=falls, node_id=aim.pk)
    assert AIM in boxes(falls)


def test_a_box_deleted_twice_is_not_found_the_second_time(maker, falls):
    homes = boxes(falls)["Safer homes"]
    services.node_delete(actor=maker, diagram=falls, node_id=homes.pk)
    with pytest.raises(PermissionDenied):
        services.node_delete(actor=maker, diagram=falls, node_id=homes.pk)


def test_a_box_not_deleted_cannot_be_brought_back(maker, falls):
    homes = boxes(falls)["Safer homes"]
    with pytest.raises(PermissionDenied):
        services.node_restore(actor=maker, diagram=falls, node_id=homes.pk)


# --- Links ------------------------------------------------------------------------------------


def test_two_boxes_are_linked_made_weak_and_unlinked(maker, falls):
    homes = boxes(falls)["Safer homes"]
    classes = boxes(falls)["Strength classes at the leisure centre"]
    services.link_set(
        actor=maker, diagram=falls, source_id=homes.pk, target_id=classes.pk, strength="strong"
    )
    assert ("Safer homes", "Strength classes at the leisure centre", "strong") in lines(falls)
    services.link_set(
        actor=maker, diagram=falls, source_id=homes.pk, target_id=classes.pk, strength="weak"
    )
    assert ("Safer homes", "Strength classes at the leisure centre", "weak") in lines(falls)
    assert services.link_remove(
        actor=maker, diagram=falls, source_id=homes.pk, target_id=classes.pk
    )
    assert not any(
        (s, t) == ("Safer homes", "Strength classes at the leisure centre")
        for s, t, _k in lines(falls)
    )
    # Someone unlinked them first: nothing to do, and said so.
    assert not services.link_remove(
        actor=maker, diagram=falls, source_id=homes.pk, target_id=classes.pk
    )


def test_a_link_runs_from_left_to_right_only(maker, falls):
    homes = boxes(falls)["Safer homes"]
    strength = boxes(falls)["Strength and balance"]
    classes = boxes(falls)["Strength classes at the leisure centre"]
    for source, target in ((classes, homes), (strength, homes)):
        with pytest.raises(ValidationError, match="left to right"):
            services.link_set(
                actor=maker,
                diagram=falls,
                source_id=source.pk,
                target_id=target.pk,
                strength="strong",
            )


def test_a_link_is_strong_or_weak(maker, falls):
    homes = boxes(falls)["Safer homes"]
    classes = boxes(falls)["Strength classes at the leisure centre"]
    with pytest.raises(ValidationError):
        services.link_set(
            actor=maker, diagram=falls, source_id=homes.pk, target_id=classes.pk, strength="loud"
        )


# --- What every write leaves behind -----------------------------------------------------------


def every_write(maker, d):
    """One of each write to a diagram's content, in turn (each a callable)."""

    def node(text):
        return boxes(d)[text]

    return [
        ("add", lambda: add(maker, d, Kind.PRIMARY, "Medicines review")),
        (
            "change",
            lambda: services.node_update(
                actor=maker,
                diagram=d,
                node_id=node("Medicines review").pk,
                expected_version=node("Medicines review").version,
                text="Fewer sedating medicines",
                kind=Kind.PRIMARY,
            ),
        ),
        (
            "move",
            lambda: services.node_move(
                actor=maker, diagram=d, node_id=node("Fewer sedating medicines").pk, up=True
            ),
        ),
        (
            "link",
            lambda: services.link_set(
                actor=maker,
                diagram=d,
                source_id=node("Fewer sedating medicines").pk,
                target_id=node("Regular exercise").pk,
                strength="weak",
            ),
        ),
        (
            "unlink",
            lambda: services.link_remove(
                actor=maker,
                diagram=d,
                source_id=node("Fewer sedating medicines").pk,
                target_id=node("Regular exercise").pk,
            ),
        ),
        (
            "delete",
            lambda: services.node_delete(
                actor=maker, diagram=d, node_id=node("Fewer sedating medicines").pk
            ),
        ),
        (
            "undo",
            lambda: services.node_restore(
                actor=maker,
                diagram=d,
                node_id=DiagramNode.objects.get(text="Fewer sedating medicines").pk,
            ),
        ),
        (
            "aim",
            lambda: services.diagram_aim_update(
                actor=maker,
                diagram=d,
                expected_version=fresh(d).version,
                title="Fewer falls in the cluster",
                aim="Falls down by a fifth by 2028",
                aim_target="20% fewer falls",
            ),
        ),
    ]


def test_every_write_moves_the_revision_on_by_one_and_stores_its_drawing(maker, falls):
    for name, write in every_write(maker, falls):
        before = fresh(falls).revision
        write()
        after = fresh(falls)
        assert after.revision == before + 1, name
        assert after.drawing_revision == after.revision, name
        drawn = stored.from_stored(after.drawing)
        assert {box.id for box in drawn.boxes} == {
            str(node.pk) for node in boxes(after).values()
        }, name
        assert len(drawn.routes) == len(lines(after)), name
        assert after.changed_by == maker, name


def test_every_write_is_in_the_history_with_who_made_it(maker, falls):
    made = AuditEvent.objects.filter(actor=maker)
    for name, write in every_write(maker, falls):
        before = made.count()
        write()
        assert made.count() > before, name
    history = selectors.history_page(
        user=maker, diagram=falls, access=selectors.diagram_access(user=maker, diagram=falls)
    )
    subjects = {event.subject for event in history.events}
    assert "Fewer sedating medicines" in subjects
    assert "Strength and balance → Regular exercise" in subjects
    # The link made and taken away again keeps its row, so its history stays on the page.
    unlinked = [
        event
        for event in history.events
        if event.subject == "Fewer sedating medicines → Regular exercise"
        and "deleted_at" in event.changes
    ]
    assert unlinked and all(event.actor == maker for event in unlinked)
    actions = {event.action for event in history.events}
    assert {"created", "updated"} <= actions
    assert all(event.actor == maker for event in history.events)


def test_the_history_records_a_delete_and_its_undo(maker, falls):
    homes = boxes(falls)["Safer homes"]
    services.node_delete(actor=maker, diagram=falls, node_id=homes.pk)
    services.node_restore(actor=maker, diagram=falls, node_id=homes.pk)
    changes = [e for e in events(homes, AuditEvent.Action.UPDATED) if "deleted_at" in e.changes]
    assert [c.changes["deleted_at"][1] is None for c in changes] == [False, True]
    assert changes[-1].note == "undo"


def test_a_write_that_changes_nothing_leaves_the_revision_as_it_was(maker, falls):
    homes = boxes(falls)["Safer homes"]
    exercise = boxes(falls)["Regular exercise"]
    revision = fresh(falls).revision
    services.link_set(
        actor=maker, diagram=falls, source_id=homes.pk, target_id=exercise.pk, strength="weak"
    )
    services.diagram_order_set(actor=maker, diagram=falls, keep_order=False)
    assert fresh(falls).revision == revision


# --- The title and the aim --------------------------------------------------------------------


def test_the_title_aim_and_smart_parts_are_saved_together(maker, falls):
    services.diagram_aim_update(
        actor=maker,
        diagram=falls,
        expected_version=falls.version,
        title="Fewer falls in the cluster",
        aim="Falls among people over 75 down by a fifth by March 2028",
        aim_what="Falls among people over 75",
        aim_how_much="By a fifth",
        aim_for_whom="People over 75 in the cluster",
        aim_by_when=date(2028, 3, 31),
        aim_baseline="120 falls a month (2026)",
        aim_target="96 falls a month",
    )
    d = fresh(falls)
    assert d.title == "Fewer falls in the cluster"
    assert d.aim_by_when == date(2028, 3, 31)
    assert "Falls among people over 75 down by a fifth by March 2028" in boxes(d)
    change = events(d, AuditEvent.Action.UPDATED)[-1]
    assert change.actor == maker
    assert change.changes["title"] == ["Fewer falls", "Fewer falls in the cluster"]


def test_a_title_and_aim_someone_else_changed_meanwhile_are_not_overwritten(maker, falls):
    opened = falls.version
    services.diagram_aim_update(
        actor=maker, diagram=falls, expected_version=opened, title="Theirs", aim=AIM
    )
    with pytest.raises(ConcurrentEditError) as stale:
        services.diagram_aim_update(
            actor=maker, diagram=falls, expected_version=opened, title="Mine", aim=AIM
        )
    assert stale.value.current.title == "Theirs"
    assert fresh(falls).title == "Theirs"


def test_an_aim_statement_someone_else_changed_meanwhile_is_not_overwritten(maker, falls):
    opened = falls.version
    # One person changes only the aim's words ...
    services.diagram_aim_update(
        actor=maker,
        diagram=falls,
        expected_version=opened,
        title=falls.title,
        aim="Their new aim: falls down by a third by 2029",
    )
    # ... another, from the form they opened before, only the target.
    with pytest.raises(ConcurrentEditError):
        services.diagram_aim_update(
            actor=maker,
            diagram=falls,
            expected_version=opened,
            title=falls.title,
            aim=AIM,
            aim_target="96 falls a month",
        )
    assert "Their new aim: falls down by a third by 2029" in boxes(falls)


# --- Sharing, ordering and deleting a diagram -------------------------------------------------


def test_only_a_stand_alone_diagram_is_shared(maker):
    s = setting()
    proposal = draft(s)
    d = imported(s.author, owner_kind="proposal", owner_id=proposal.pk)
    with pytest.raises(ValidationError):
        services.diagram_share_set(actor=s.author, diagram=d, shared=True)


def test_deleting_a_diagram_takes_its_boxes_and_links_and_is_recorded(maker, falls):
    pk = falls.pk
    services.diagram_delete(actor=maker, diagram=falls)
    assert not Diagram.objects.filter(pk=pk).exists()
    assert not DiagramNode.objects.filter(diagram_id=pk).exists()
    assert not DiagramLink.objects.filter(diagram_id=pk).exists()
    deleted = AuditEvent.objects.get(
        action=AuditEvent.Action.DELETED, content_type__model="diagram", object_id=str(pk)
    )
    assert deleted.actor == maker
    assert deleted.note == "5 boxes"


def test_a_box_added_after_others_were_deleted_still_goes_last(maker, falls):
    homes = boxes(falls)["Safer homes"]
    services.node_delete(actor=maker, diagram=falls, node_id=homes.pk)
    add(maker, falls, Kind.PRIMARY, "Medicines review")
    assert column(falls, Kind.PRIMARY) == ["Strength and balance", "Medicines review"]
    last = DiagramNode.objects.filter(diagram=falls, kind=Kind.PRIMARY).aggregate(m=Max("position"))
    assert boxes(falls)["Medicines review"].position == last["m"]


def test_moving_boxes_up_and_down_does_not_make_an_open_edit_of_their_words_stale(maker, falls):
    first, second = (boxes(falls)[t] for t in ("Strength and balance", "Safer homes"))
    opened = second.version
    services.node_move(actor=maker, diagram=falls, node_id=second.pk, up=True)
    assert column(falls, Kind.PRIMARY) == ["Safer homes", "Strength and balance"]
    node, _removed = services.node_update(
        actor=maker,
        diagram=falls,
        node_id=second.pk,
        expected_version=opened,
        text="Homes without trip hazards",
        kind=Kind.PRIMARY,
    )
    assert node.text == "Homes without trip hazards"
    moved = [e for e in events(first, AuditEvent.Action.UPDATED) if "position" in e.changes]
    assert moved and moved[-1].actor == maker


def test_two_boxes_unlinked_and_linked_again_keep_one_link_with_its_whole_history(maker, falls):
    source, target = boxes(falls)["Strength and balance"], boxes(falls)["Regular exercise"]
    services.link_remove(actor=maker, diagram=falls, source_id=source.pk, target_id=target.pk)
    assert (source.pk, target.pk) not in [
        (link.source_id, link.target_id) for link in selectors.content_of(falls).links
    ]
    services.link_set(
        actor=maker, diagram=falls, source_id=source.pk, target_id=target.pk, strength="weak"
    )
    link = DiagramLink.objects.get(source=source, target=target)
    assert link.deleted_at is None and link.strength == "weak"
    changes = [event.changes for event in events(link, AuditEvent.Action.UPDATED)]
    assert [("deleted_at" in c, "strength" in c) for c in changes] == [(True, False), (True, True)]
