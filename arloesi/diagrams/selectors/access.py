"""Who sees a diagram, and who changes it. Decided here once: the pages ask ``diagram_access``
which controls to show, and the services ask the same before they write.

- A proposal's or a project's diagram: whoever the owner's app lets see the owner sees it; whoever
  it lets change the owner's diagram changes it (``diagrams.owners``). For a proposal: everyone who
  may see the proposal sees it, and its authors change it while they may change the proposal.
- A stand-alone diagram: its maker sees and changes it; once shared as a template, everyone
  signed in sees it (and may copy it), and only its maker changes it.

Anything else is a 404, so ids cannot be probed.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from arloesi.diagrams import owners
from arloesi.diagrams.models import Diagram, OwnerKind


def signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


@dataclass(frozen=True)
class DiagramAccess:
    may_view: bool
    may_edit: bool
    # What the diagram is for, and where that is (None for a stand-alone diagram).
    owner_title: str
    owner_url: str | None


NO_ACCESS = DiagramAccess(may_view=False, may_edit=False, owner_title="", owner_url=None)


def diagram_access(*, user, diagram: Diagram) -> DiagramAccess:
    if not signed_in(user):
        return NO_ACCESS
    if diagram.owner_kind == OwnerKind.STANDALONE:
        mine = diagram.created_by_id == user.pk
        return DiagramAccess(
            may_view=mine or diagram.shared,
            may_edit=mine,
            owner_title=_("Your own diagram") if mine else _("A shared template"),
            owner_url=None,
        )
    return owner_access(user=user, kind=diagram.owner_kind, owner_id=diagram.owner_id)


def owner_access(*, user, kind: str, owner_id: int | None) -> DiagramAccess:
    """What ``user`` may do with the diagram of a proposal or project (whether or not it has
    one yet)."""
    owner = owners.owner_of(kind)
    if owner is None or owner_id is None or not signed_in(user):
        return NO_ACCESS
    found = owner.access(user=user, owner_id=owner_id)
    if found is None or not found.may_view:
        return NO_ACCESS
    return DiagramAccess(
        may_view=True, may_edit=found.may_edit, owner_title=found.title, owner_url=found.url
    )


def diagram_get_for_user(*, user, diagram_id: int) -> tuple[Diagram, DiagramAccess]:
    """The diagram and what ``user`` may do with it, or 404 when they may not see it."""
    diagram = Diagram.objects.filter(pk=diagram_id).first()
    if diagram is None:
        raise Http404
    access = diagram_access(user=user, diagram=diagram)
    if not access.may_view:
        raise Http404
    return diagram, access


def visible_q(user) -> Q:
    """The diagrams ``user`` may see, as a filter on the diagram's own columns (each owner's
    visible ids a subquery), so a list reads newest first from an index and stops after a page."""
    if not signed_in(user):
        return Q(pk__in=[])
    visible = Q(owner_kind=OwnerKind.STANDALONE) & (Q(created_by=user) | Q(shared=True))
    for kind, owner in owners.registered().items():
        # Only the owners that have a diagram are asked about: every proposal published in Wales
        # is visible to everyone, and hashing all of them cost more than the whole page.
        with_diagrams = Diagram.objects.filter(owner_kind=kind).values("owner_id")
        visible |= Q(
            owner_kind=kind,
            owner_id__in=owner.visible(user=user).filter(pk__in=with_diagrams),
        )
    return visible


def diagrams_visible_to(*, user) -> QuerySet[Diagram]:
    return Diagram.objects.filter(visible_q(user))


def diagram_of(*, kind: str, owner_id: int) -> Diagram | None:
    """The diagram of a proposal or project, if it has one (callers have checked the reader may
    see the owner)."""
    return Diagram.objects.filter(owner_kind=kind, owner_id=owner_id).first()
