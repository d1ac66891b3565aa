"""The boxes of a diagram: adding one (linked at once to the box it serves), changing its words
or its column, moving it up or down its list, deleting it and bringing it back (undo).

A deleted box keeps its row and its links, hidden, so undo brings back both — unless a box at the
other end of a link has gone meanwhile.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.diagrams.models import COLUMN_OF, Diagram, DiagramLink, DiagramNode, Kind, Strength
from arloesi.diagrams.services.rules import changed, editable, node_of, quietly, room_for

MOVABLE = (Kind.PRIMARY, Kind.SECONDARY, Kind.CHANGE_IDEA)


@transaction.atomic
def node_add(
    *, actor, diagram: Diagram, kind: str, text: str, linked_from: int | None = None
) -> DiagramNode:
    """A new box at the end of its column; with ``linked_from``, a strong link to it from that
    box (a primary driver with no box named is linked from the aim, as it always is)."""
    current = editable(actor, diagram)
    if kind not in MOVABLE:
        raise ValidationError({"kind": _("Select a column")})
    room_for(current, 1)
    source = None
    if linked_from is not None:
        source = node_of(current, linked_from)
        if source.column >= COLUMN_OF[kind]:
            raise ValidationError(
                {"linked_from": _("Links go from left to right: select a box in an earlier column")}
            )
    elif kind == Kind.PRIMARY:
        source = DiagramNode.objects.filter(
            diagram=current, kind=Kind.AIM, deleted_at__isnull=True
        ).first()
    last = DiagramNode.objects.filter(diagram=current, kind=kind).aggregate(last=Max("position"))
    node = audit.create(
        DiagramNode,
        actor=actor,
        diagram=current,
        kind=kind,
        text=text,
        position=(last["last"] or 0) + 1,
    )
    if source is not None:
        audit.create(
            DiagramLink,
            actor=actor,
            diagram=current,
            source=source,
            target=node,
            position=_next_link_position(current),
        )
    changed(current, actor=actor)
    return node


@transaction.atomic
def node_update(
    *, actor, diagram: Diagram, node_id: int, expected_version: int, text: str, kind: str
) -> tuple[DiagramNode, list[str]]:
    """New words for a box, or a new column. Moving to another column removes the links that
    would no longer run from left to right; their descriptions are returned, to tell the person.
    Guarded by the box's version: someone else's change is shown, never overwritten unseen."""
    current = editable(actor, diagram)
    node = node_of(current, node_id)
    if node.kind == Kind.AIM:
        if kind != Kind.AIM:
            raise ValidationError({"kind": _("The aim stays in its own column")})
    elif kind not in MOVABLE:
        raise ValidationError({"kind": _("Select a column")})
    removed: list[str] = []
    if kind != node.kind:
        column = COLUMN_OF[kind]
        links = DiagramLink.objects.filter(diagram=current, deleted_at__isnull=True).select_related(
            "source", "target"
        )
        for link in links.filter(source=node):
            if link.target.column <= column:
                removed.append(str(link))
                audit.update(link, actor=actor, deleted_at=timezone.now())
        for link in links.filter(target=node):
            if link.source.column >= column:
                removed.append(str(link))
                audit.update(link, actor=actor, deleted_at=timezone.now())
        last = DiagramNode.objects.filter(diagram=current, kind=kind).aggregate(
            last=Max("position")
        )
        position = (last["last"] or 0) + 1
    else:
        position = node.position
    node = audit.update(
        node,
        actor=actor,
        expected_version=expected_version,
        text=text,
        kind=kind,
        position=position,
    )
    changed(current, actor=actor)
    return node, removed


@transaction.atomic
def node_move(*, actor, diagram: Diagram, node_id: int, up: bool) -> DiagramNode:
    """One place up or down the box's list (nothing at either end)."""
    current = editable(actor, diagram)
    node = node_of(current, node_id)
    column = list(
        DiagramNode.objects.filter(
            diagram=current, kind=node.kind, deleted_at__isnull=True
        ).order_by("position", "id")
    )
    index = next(i for i, other in enumerate(column) if other.pk == node.pk)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(column):
        return node
    column[index], column[other_index] = column[other_index], column[index]
    # Renumber the whole list: positions may repeat (boxes added at the same moment), and a
    # swap of two equal numbers would change nothing.
    for position, box in enumerate(column, start=1):
        quietly(box, actor=actor, position=position)
    changed(current, actor=actor)
    return next(box for box in column if box.pk == node.pk)


@transaction.atomic
def node_delete(*, actor, diagram: Diagram, node_id: int) -> DiagramNode:
    """Take the box (and, hidden with it, its links) off the diagram; ``node_restore`` undoes
    it. The aim cannot be deleted."""
    current = editable(actor, diagram)
    node = node_of(current, node_id)
    if node.kind == Kind.AIM:
        raise ValidationError(_("The aim cannot be deleted: change its words instead."))
    node = audit.update(node, actor=actor, deleted_at=timezone.now())
    changed(current, actor=actor)
    return node


@transaction.atomic
def node_restore(*, actor, diagram: Diagram, node_id: int) -> DiagramNode:
    """Undo a delete: the box comes back where it was in its list (its position was kept), with
    its links to boxes still there."""
    current = editable(actor, diagram)
    node = node_of(current, node_id, deleted=True)
    room_for(current, 1)
    node = audit.update(node, actor=actor, deleted_at=None, note="undo")
    changed(current, actor=actor)
    return node


def _next_link_position(diagram: Diagram) -> int:
    last = DiagramLink.objects.filter(diagram=diagram).aggregate(last=Max("position"))
    return (last["last"] or 0) + 1


@transaction.atomic
def link_set(
    *, actor, diagram: Diagram, source_id: int, target_id: int, strength: str
) -> DiagramLink:
    """Link two boxes (left to right), or change the strength of their link."""
    current = editable(actor, diagram)
    if strength not in Strength.values:
        raise ValidationError(_("Select a strong or a weak link"))
    source, target = node_of(current, source_id), node_of(current, target_id)
    if source.column >= target.column:
        raise ValidationError(_("Links go from left to right: from a box to one in a later column"))
    link = DiagramLink.objects.filter(source=source, target=target).first()
    if link is None:
        link = audit.create(
            DiagramLink,
            actor=actor,
            diagram=current,
            source=source,
            target=target,
            strength=strength,
            position=_next_link_position(current),
        )
    elif link.deleted_at is not None:
        # Unlinked before: the same row comes back, so its history reads as one story.
        link.strength_given = True
        link = audit.update(link, actor=actor, deleted_at=None, strength=strength)
    elif link.strength != strength:
        link.strength_given = True
        link = audit.update(link, actor=actor, strength=strength)
    else:
        return link
    changed(current, actor=actor)
    return link


@transaction.atomic
def link_remove(*, actor, diagram: Diagram, source_id: int, target_id: int) -> bool:
    """Unlink two boxes; False when they were not linked (someone unlinked them first)."""
    current = editable(actor, diagram)
    source, target = node_of(current, source_id), node_of(current, target_id)
    link = DiagramLink.objects.filter(source=source, target=target, deleted_at__isnull=True).first()
    if link is None:
        return False
    link.source, link.target = source, target
    audit.update(link, actor=actor, deleted_at=timezone.now())
    changed(current, actor=actor)
    return True
