"""The diagrams a person may see (newest change first, searched by title), the examples to
start from, and what the start page offers."""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.diagrams import library, owners
from arloesi.diagrams.models import Diagram, OwnerKind
from arloesi.diagrams.selectors.access import (
    DiagramAccess,
    diagram_access,
    diagrams_visible_to,
    owner_access,
    signed_in,
)

PAGE_SIZE = 20


@dataclass(frozen=True)
class Row:
    diagram: Diagram
    # What it belongs to: the owner's kind (translated) and title, and its page.
    belongs_to: str
    owner_title: str
    owner_url: str | None
    mine: bool


@dataclass(frozen=True)
class ListPage:
    rows: list[Row]
    number: int
    has_previous: bool
    has_next: bool
    query: str
    examples: tuple[library.Example, ...]


def diagram_list_page(*, user, query: str, number: int) -> ListPage:
    """A page of the diagrams ``user`` may see, newest change first; without counting them all
    ("previous" and "next" need one row more than the page)."""
    diagrams = diagrams_visible_to(user=user)
    if query:
        diagrams = diagrams.filter(title__icontains=query)
    start = (number - 1) * PAGE_SIZE
    found = list(
        diagrams.only(
            "title", "owner_kind", "owner_id", "shared", "created_by_id", "changed_at"
        ).order_by("-changed_at", "-id")[start : start + PAGE_SIZE + 1]
    )
    has_next = len(found) > PAGE_SIZE
    found = found[:PAGE_SIZE]
    return ListPage(
        rows=_rows(user, found),
        number=number,
        has_previous=number > 1,
        has_next=has_next,
        query=query,
        examples=library.examples(get_language() or "en"),
    )


def _rows(user, diagrams: list[Diagram]) -> list[Row]:
    summaries: dict[tuple[str, int], owners.OwnerSummary] = {}
    for kind, owner in owners.registered().items():
        ids = [d.owner_id for d in diagrams if d.owner_kind == kind]
        if ids:
            summaries |= {(kind, i): s for i, s in owner.summaries(ids=ids).items()}
    labels = dict(OwnerKind.choices)
    rows = []
    for diagram in diagrams:
        mine = diagram.owner_kind == OwnerKind.STANDALONE and diagram.created_by_id == user.pk
        summary = summaries.get((diagram.owner_kind, diagram.owner_id))
        if diagram.owner_kind == OwnerKind.STANDALONE:
            belongs_to = labels[OwnerKind.STANDALONE] if mine else _("Shared template")
        else:
            belongs_to = labels.get(diagram.owner_kind, "")
        rows.append(
            Row(
                diagram=diagram,
                belongs_to=str(belongs_to),
                owner_title=summary.title if summary else "",
                owner_url=summary.url if summary else None,
                mine=mine,
            )
        )
    return rows


# --- Starting a diagram ----------------------------------------------------------------------


@dataclass(frozen=True)
class StartPage:
    owner_kind: str
    owner_id: int | None
    # What the new diagram will belong to (the proposal's or project's title), if not its maker.
    owner: DiagramAccess | None
    examples: tuple[library.Example, ...]
    # The diagram to copy, when the person came from its "Copy" link and may see it.
    copy_of: Diagram | None
    # The diagram the owner already has: the page sends the person there instead.
    existing: Diagram | None


def start_page(
    *, user, owner_kind: str, owner_id: int | None, copy_of: int | None
) -> StartPage | None:
    """What the start page offers ``user`` for a new diagram of this owner; None when they may not
    start one there (the view answers 404)."""
    if not signed_in(user):
        return None
    owner = None
    existing = None
    if owner_kind == OwnerKind.STANDALONE:
        if owner_id is not None:
            return None
    else:
        owner = owner_access(user=user, kind=owner_kind, owner_id=owner_id)
        if not owner.may_edit:
            return None
        existing = Diagram.objects.filter(owner_kind=owner_kind, owner_id=owner_id).first()
    source = None
    if copy_of is not None:
        source = Diagram.objects.filter(pk=copy_of).only(*COPY_FIELDS).first()
        if source is not None and not diagram_access(user=user, diagram=source).may_view:
            source = None
    return StartPage(
        owner_kind=owner_kind,
        owner_id=owner_id,
        owner=owner,
        examples=library.examples(get_language() or "en"),
        copy_of=source,
        existing=existing,
    )


COPY_FIELDS = ("title", "owner_kind", "owner_id", "shared", "created_by_id")
