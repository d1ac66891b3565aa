"""The checks every write to a diagram makes, and what every write does after it.

A write locks the diagram's row first (``editable``): writes to one diagram take turns, so each
sees the one before it, and two people adding boxes at once both keep theirs. It then checks the
writer may change the diagram — the same predicate the page asked (``selectors.access``). After
the change, ``changed`` moves the revision on and lays the diagram out again, inside the same
transaction, so a page never shows a drawing of another revision.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.core.models import AuditEvent
from arloesi.diagrams import stored
from arloesi.diagrams.layout import layout
from arloesi.diagrams.models import Diagram, DiagramNode
from arloesi.diagrams.selectors.access import diagram_access
from arloesi.diagrams.selectors.content import content_of, layout_input

# A diagram people read on a page; a file with more boxes is refused.
MAX_BOXES = 1_000
TOO_MANY_BOXES = _("A driver diagram can have at most %(limit)s boxes.")


def editable(actor, diagram: Diagram) -> Diagram:
    """The diagram, locked for this transaction, if ``actor`` may change it."""
    current = Diagram.objects.select_for_update().filter(pk=diagram.pk).first()
    if current is None or not diagram_access(user=actor, diagram=current).may_edit:
        raise PermissionDenied
    return current


def node_of(diagram: Diagram, node_id: int, *, deleted: bool = False) -> DiagramNode:
    """A box of this diagram (a deleted one when ``deleted``), else 404 for the view."""
    node = DiagramNode.objects.filter(
        diagram=diagram, pk=node_id, deleted_at__isnull=not deleted
    ).first()
    if node is None:
        raise PermissionDenied
    return node


def room_for(diagram: Diagram, more: int) -> None:
    live = DiagramNode.objects.filter(diagram=diagram, deleted_at__isnull=True).count()
    if live + more > MAX_BOXES:
        raise ValidationError(TOO_MANY_BOXES % {"limit": f"{MAX_BOXES:,}"})


def quietly(obj, *, actor, **fields):
    """Change fields that no form edits (a box's place in its list, how the drawing orders the
    boxes, sharing): recorded in the audit trail like any change, but without moving the version
    a form is guarded by — a box moved down is not a reason to call someone's edit of its words
    stale."""
    changes = {
        name: [str(getattr(obj, name)), str(value)]
        for name, value in fields.items()
        if getattr(obj, name) != value
    }
    if not changes:
        return obj
    type(obj).objects.filter(pk=obj.pk).update(**fields)
    for name, value in fields.items():
        setattr(obj, name, value)
    audit.record(actor=actor, obj=obj, action=AuditEvent.Action.UPDATED, changes=changes)
    return obj


def changed(diagram: Diagram, *, actor) -> Diagram:
    """After a change: the next revision, laid out and stored with it."""
    content = content_of(diagram)
    nodes, links = layout_input(content)
    drawn = stored.to_stored(layout(nodes, links, keep_order=diagram.keep_order))
    revision = diagram.revision + 1
    now = timezone.now()
    Diagram.objects.filter(pk=diagram.pk).update(
        revision=revision,
        changed_at=now,
        changed_by=actor,
        drawing=drawn,
        drawing_revision=revision,
    )
    diagram.revision = diagram.drawing_revision = revision
    diagram.changed_at, diagram.changed_by, diagram.drawing = now, actor, drawn
    return diagram
