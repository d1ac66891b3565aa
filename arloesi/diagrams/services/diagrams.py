"""Starting a diagram (blank, from an example, as a copy of one the person may see, or from a
file), its title and SMART aim, how the drawing orders its boxes, sharing a stand-alone diagram
as a template, deleting one, and carrying a proposal's diagram over to the project it starts."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.diagrams import document as exchange
from arloesi.diagrams.models import Diagram, DiagramNode, Kind, OwnerKind
from arloesi.diagrams.selectors.access import diagram_access, owner_access, signed_in
from arloesi.diagrams.selectors.content import content_of, document_of
from arloesi.diagrams.services.exchange import EXAMPLE_ONLY, smart_parts, write_content
from arloesi.diagrams.services.rules import (
    MAX_BOXES,
    TOO_MANY_BOXES,
    changed,
    editable,
    quietly,
)

TITLE_LENGTH = Diagram._meta.get_field("title").max_length
ALREADY_HAS_ONE = _("This already has a driver diagram: open it from its page.")


def blank(*, title: str, aim: str) -> exchange.DiagramDocument:
    """A new diagram's document: its aim, and nothing under it yet."""
    return exchange.DiagramDocument(
        title=title, nodes=(exchange.Node(id="aim", kind="aim", text=aim),), links=()
    )


@transaction.atomic
def diagram_start(
    *,
    actor,
    owner_kind: str,
    owner_id: int | None = None,
    title: str,
    source: exchange.DiagramDocument,
    example: bool = False,
) -> Diagram:
    """A new diagram for a proposal or project ``actor`` may change (or of their own), holding
    everything in ``source``: a blank start, an example, a copy or an imported file."""
    _may_start(actor, owner_kind, owner_id)
    _check_source(source)
    extra = {k: v for k, v in source.extra.items() if not (example and k in EXAMPLE_ONLY)}
    smart, extra = smart_parts(extra)
    diagram = audit.create(
        Diagram,
        actor=actor,
        owner_kind=owner_kind,
        owner_id=owner_id,
        # A file's title may be longer than a diagram's (the format allows 1,000 characters).
        title=(title or source.title or str(_("Driver diagram")))[:TITLE_LENGTH],
        created_by=actor,
        extra=extra,
        **smart,
    )
    write_content(diagram, source, actor=actor)
    return changed(diagram, actor=actor)


def _may_start(actor, owner_kind: str, owner_id: int | None) -> None:
    if owner_kind == OwnerKind.STANDALONE:
        if not signed_in(actor) or owner_id is not None:
            raise PermissionDenied
        return
    if not owner_access(user=actor, kind=owner_kind, owner_id=owner_id).may_edit:
        raise PermissionDenied
    if Diagram.objects.filter(owner_kind=owner_kind, owner_id=owner_id).exists():
        raise ValidationError(ALREADY_HAS_ONE)


def _check_source(source: exchange.DiagramDocument) -> None:
    """What the format allows but a diagram on a page does not: boxes with no words, and more
    boxes than a page can show."""
    if len(source.nodes) > MAX_BOXES:
        raise ValidationError(TOO_MANY_BOXES % {"limit": f"{MAX_BOXES:,}"})
    for node in source.nodes:
        if not node.text.strip():
            if node.kind == Kind.AIM:
                raise ValidationError(_("Enter the aim"))
            raise ValidationError(
                _("The box “%(node)s” has no text: every box needs a few words.")
                % {"node": node.id}
            )


def copy_source(*, actor, diagram: Diagram) -> exchange.DiagramDocument:
    """What a copy of ``diagram`` starts from, if ``actor`` may see it."""
    if not diagram_access(user=actor, diagram=diagram).may_view:
        raise PermissionDenied
    return document_of(content_of(diagram))


@transaction.atomic
def diagram_aim_update(
    *,
    actor,
    diagram: Diagram,
    expected_version: int,
    title: str,
    aim: str,
    aim_what: str = "",
    aim_how_much: str = "",
    aim_for_whom: str = "",
    aim_by_when: date | None = None,
    aim_baseline: str = "",
    aim_target: str = "",
) -> Diagram:
    """The title, the aim's statement and its SMART parts, from one form (guarded by the
    diagram's version: someone else's change to them is never overwritten unseen)."""
    current = editable(actor, diagram)
    current = audit.update(
        current,
        actor=actor,
        expected_version=expected_version,
        title=title,
        aim_what=aim_what,
        aim_how_much=aim_how_much,
        aim_for_whom=aim_for_whom,
        aim_by_when=aim_by_when,
        aim_baseline=aim_baseline,
        aim_target=aim_target,
    )
    node = DiagramNode.objects.filter(diagram=current, kind=Kind.AIM).first()
    if node is None or node.text != aim:
        if node is None:
            audit.create(DiagramNode, actor=actor, diagram=current, kind=Kind.AIM, text=aim)
        else:
            audit.update(node, actor=actor, text=aim)
        # The statement is on its box, not the diagram's row: a form that changed only it must
        # still move the diagram's version on, or a form opened before would overwrite it.
        if current.version == expected_version:
            Diagram.objects.filter(pk=current.pk).update(version=F("version") + 1)
            current.version += 1
    return changed(current, actor=actor)


@transaction.atomic
def diagram_order_set(*, actor, diagram: Diagram, keep_order: bool) -> Diagram:
    """Draw the boxes in the order of the lists, or in the order that crosses fewest links."""
    current = editable(actor, diagram)
    if current.keep_order == keep_order:
        return current
    current = quietly(current, actor=actor, keep_order=keep_order)
    return changed(current, actor=actor)


@transaction.atomic
def diagram_share_set(*, actor, diagram: Diagram, shared: bool) -> Diagram:
    """Share a stand-alone diagram with everyone as a template, or stop sharing it."""
    current = editable(actor, diagram)
    if current.owner_kind != OwnerKind.STANDALONE:
        raise ValidationError(_("Only your own diagrams can be shared as templates."))
    return quietly(current, actor=actor, shared=shared)


@transaction.atomic
def diagram_delete(*, actor, diagram: Diagram) -> None:
    """Delete the diagram, its boxes and links; the history keeps that it was, and who deleted
    it."""
    current = editable(actor, diagram)
    boxes = DiagramNode.objects.filter(diagram=current, deleted_at__isnull=True).count()
    audit.delete(current, actor=actor, note=f"{boxes} boxes")


@transaction.atomic
def diagram_carry_over(
    *, actor, from_kind: str, from_id: int, to_kind: str, to_id: int
) -> Diagram | None:
    """A copy of a proposal's diagram for the project its approval starts (called by the
    decision, inside its transaction). The copy is the project's to change; the proposal's stays
    as it was approved. Nothing when there is no diagram to carry, or already one there."""
    source = Diagram.objects.filter(owner_kind=from_kind, owner_id=from_id).first()
    if source is None or Diagram.objects.filter(owner_kind=to_kind, owner_id=to_id).exists():
        return None
    if not diagram_access(user=actor, diagram=source).may_view:
        raise PermissionDenied
    document = document_of(content_of(source))
    smart, extra = smart_parts(dict(document.extra))
    diagram = audit.create(
        Diagram,
        actor=actor,
        owner_kind=to_kind,
        owner_id=to_id,
        title=source.title,
        created_by=actor,
        keep_order=source.keep_order,
        extra=extra,
        **smart,
    )
    write_content(diagram, document, actor=actor)
    return changed(diagram, actor=actor)
