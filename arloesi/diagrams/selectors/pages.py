"""What the diagram's pages show, each read in a fixed number of queries: the diagram page (its
drawing, outline, checks and — for those who may change it — the editor), a box's links, and
the box form."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from markupsafe import Markup

from arloesi.core import audit, permissions
from arloesi.diagrams import checks, rendering, stored, wording
from arloesi.diagrams.layout import layout
from arloesi.diagrams.models import COLUMN_OF, Diagram, DiagramLink, DiagramNode, Kind
from arloesi.diagrams.selectors.access import DiagramAccess
from arloesi.diagrams.selectors.content import (
    Content,
    OutlineItem,
    content_of,
    layout_input,
    outline_of,
)

# How many recently deleted boxes the page offers to bring back.
RECENTLY_DELETED = 5


def column_labels() -> dict[str, str]:
    """Each column's heading, in the reader's language."""
    return dict(zip(Kind.values, rendering.headings(), strict=True))


@dataclass(frozen=True)
class NodeRow:
    node: DiagramNode
    sources: list[DiagramLink]
    first: bool
    last: bool


@dataclass(frozen=True)
class Column:
    kind: str
    label: str
    add_label: str
    linked_from_label: str
    # The column whose boxes a new box here is usually linked from.
    feeds_from: list[DiagramNode]
    rows: list[NodeRow]


@dataclass(frozen=True)
class DiagramPage:
    diagram: Diagram
    access: DiagramAccess
    aim: DiagramNode | None
    outline: OutlineItem | None
    loose: list[DiagramNode]
    columns: list[Column]
    checks: list[checks.Check]
    drawing: Markup
    crossings: int
    deleted: list[DiagramNode]
    counts: dict[str, int]

    @property
    def revision(self) -> int:
        return self.diagram.revision


def drawn(content: Content):
    """The diagram's stored layout, or (when there is none of this revision: a diagram written
    before this code, or by a data import) a fresh one, not stored — a page never writes."""
    diagram = content.diagram
    found = None
    if diagram.drawing_revision == diagram.revision:
        found = stored.from_stored(diagram.drawing)
    if found is None:
        nodes, links = layout_input(content)
        found = layout(nodes, links, keep_order=diagram.keep_order)
    return found


def diagram_page(*, diagram: Diagram, access: DiagramAccess) -> DiagramPage:
    content = content_of(diagram)
    root, loose = outline_of(content)
    result = drawn(content)
    found = checks.checks_for(
        checks.AimParts(
            text=content.aim.text if content.aim else "",
            how_much=diagram.aim_how_much,
            target=diagram.aim_target,
            by_when=diagram.aim_by_when,
        ),
        [checks.CheckedNode(n.pk, n.kind, n.text) for n in content.nodes],
        [(link.source_id, link.target_id) for link in content.links],
    )
    deleted = []
    if access.may_edit:
        deleted = list(
            DiagramNode.objects.filter(diagram=diagram, deleted_at__isnull=False).order_by(
                "-deleted_at", "-id"
            )[:RECENTLY_DELETED]
        )
    return DiagramPage(
        diagram=diagram,
        access=access,
        aim=content.aim,
        outline=root,
        loose=loose,
        columns=_columns(content),
        checks=found,
        drawing=rendering.page_svg(result, title=diagram.title),
        crossings=result.crossings,
        deleted=deleted,
        counts={kind: len(content.of_kind(kind)) for kind in Kind.values},
    )


def _columns(content: Content) -> list[Column]:
    labels = column_labels()
    columns = []
    for kind in (Kind.PRIMARY, Kind.SECONDARY, Kind.CHANGE_IDEA):
        nodes = content.of_kind(kind)
        earlier = Kind.values[COLUMN_OF[kind] - 1]
        columns.append(
            Column(
                kind=kind,
                label=labels[kind],
                add_label=str(wording.ADD_LABELS[kind]),
                linked_from_label=str(wording.LINKED_FROM_LABELS.get(kind, "")),
                feeds_from=content.of_kind(earlier),
                rows=[
                    NodeRow(
                        node=node,
                        sources=content.sources_of(node.pk),
                        first=i == 0,
                        last=i == len(nodes) - 1,
                    )
                    for i, node in enumerate(nodes)
                ],
            )
        )
    return columns


# --- A box's links ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    node: DiagramNode
    # The strength of the link with the box, or "" when they are not linked.
    strength: str
    # True when the candidate is to the left (the link runs from it to the box).
    before: bool


@dataclass(frozen=True)
class LinksPage:
    diagram: Diagram
    node: DiagramNode
    # Per column (heading, candidates), left to right, the box's own column left out.
    groups: list[tuple[str, list[Candidate]]]
    revision: int


def links_page(*, diagram: Diagram, node_id: int) -> LinksPage | None:
    content = content_of(diagram)
    node = content.by_id.get(node_id)
    if node is None:
        return None
    strengths = {link.source_id: link.strength for link in content.sources_of(node.pk)}
    strengths |= {link.target_id: link.strength for link in content.targets_of(node.pk)}
    labels = column_labels()
    groups = []
    for kind in Kind.values:
        if kind == node.kind:
            continue
        candidates = [
            Candidate(
                node=other,
                strength=strengths.get(other.pk, ""),
                before=other.column < node.column,
            )
            for other in content.of_kind(kind)
        ]
        if candidates:
            groups.append((labels[kind], candidates))
    # The column the box usually serves first: the one just before it.
    groups.sort(key=lambda group: 0 if group[1][0].node.column == node.column - 1 else 1)
    return LinksPage(diagram=diagram, node=node, groups=groups, revision=diagram.revision)


def aim_of(*, diagram: Diagram) -> DiagramNode | None:
    return DiagramNode.objects.filter(
        diagram=diagram, kind=Kind.AIM, deleted_at__isnull=True
    ).first()


def node_for_page(*, diagram: Diagram, node_id: int) -> DiagramNode | None:
    return DiagramNode.objects.filter(diagram=diagram, pk=node_id, deleted_at__isnull=True).first()


def change_idea_get(*, node_id: int) -> DiagramNode | None:
    """A change idea that is on its diagram (not deleted), with the diagram: for the apps that
    plan work against a change idea (they ask the diagram's owner who may see it)."""
    return (
        DiagramNode.objects.filter(pk=node_id, kind=Kind.CHANGE_IDEA, deleted_at__isnull=True)
        .select_related("diagram")
        .first()
    )


def deleted_node(*, diagram: Diagram, node_id: int) -> DiagramNode | None:
    return DiagramNode.objects.filter(diagram=diagram, pk=node_id, deleted_at__isnull=False).first()


def smart_rows(diagram: Diagram) -> list[tuple[str, str]]:
    """The SMART parts that are filled in, labelled, for the page and the PDF."""
    rows = []
    for attribute in (
        "aim_what",
        "aim_how_much",
        "aim_for_whom",
        "aim_by_when",
        "aim_baseline",
        "aim_target",
    ):
        value = getattr(diagram, attribute)
        if value:
            label = Diagram._meta.get_field(attribute).verbose_name
            shown = value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value
            rows.append((str(label).capitalize(), shown))
    return rows


# --- History ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryPage:
    events: list
    show_values: bool
    can_redact: bool


def history_page(*, user, diagram: Diagram, access: DiagramAccess) -> HistoryPage:
    """Everyone who may see the diagram sees who changed which box when; the words before and
    after (earlier drafts) only those who may change it, and administrators, who can remove a
    value written by mistake."""
    administrator = permissions.can_anywhere(user, permissions.REDACT)
    show_values = access.may_edit or administrator
    nodes = DiagramNode.objects.filter(diagram=diagram)
    links = DiagramLink.objects.filter(diagram=diagram)
    events = audit.history_for(diagram, including=(nodes, links), show_values=show_values)
    if not show_values:
        _named_as_now(events, nodes, links.select_related("source", "target"))
    return HistoryPage(
        events=events, show_values=show_values, can_redact=show_values and administrator
    )


def _named_as_now(events: list, nodes, links) -> None:
    """A box's name is its words: each event names it as it was then, which would show a reader
    who may not see the words before and after every earlier draft. Name each box and link as
    it is now instead."""
    names = {
        (ContentType.objects.get_for_model(DiagramNode).pk, str(node.pk)): str(node)
        for node in nodes
    }
    names |= {
        (ContentType.objects.get_for_model(DiagramLink).pk, str(link.pk)): str(link)
        for link in links
    }
    for event in events:
        if event.subject:
            event.subject = names.get((event.content_type_id, event.object_id), event.subject)
