"""A diagram's boxes and links, read once (two queries) and shaped for each use: the columns the
editor lists, the outline (nested lists: the drawing's text equivalent), the exchange document,
and the nodes and links the layout takes."""

from dataclasses import dataclass, field

from arloesi.diagrams import document as exchange
from arloesi.diagrams.layout import LayoutLink, LayoutNode
from arloesi.diagrams.models import Diagram, DiagramLink, DiagramNode, Kind


@dataclass
class Content:
    diagram: Diagram
    # Live boxes, by column then the person's order.
    nodes: list[DiagramNode]
    # Links between live boxes, in the order they were made (or read from a file).
    links: list[DiagramLink]
    by_id: dict[int, DiagramNode] = field(init=False)
    _sources: dict[int, list[DiagramLink]] = field(init=False)
    _targets: dict[int, list[DiagramLink]] = field(init=False)

    def __post_init__(self):
        self.by_id = {node.pk: node for node in self.nodes}
        self._sources, self._targets = {}, {}
        for link in self.links:
            self._sources.setdefault(link.target_id, []).append(link)
            self._targets.setdefault(link.source_id, []).append(link)

    @property
    def aim(self) -> DiagramNode | None:
        return next((node for node in self.nodes if node.kind == Kind.AIM), None)

    def of_kind(self, kind: str) -> list[DiagramNode]:
        return [node for node in self.nodes if node.kind == kind]

    def sources_of(self, node_id: int) -> list[DiagramLink]:
        return self._sources.get(node_id, [])

    def targets_of(self, node_id: int) -> list[DiagramLink]:
        return self._targets.get(node_id, [])


def content_of(diagram: Diagram) -> Content:
    nodes = sorted(
        DiagramNode.objects.filter(diagram=diagram, deleted_at__isnull=True),
        key=lambda node: (node.column, node.position, node.pk),
    )
    live = {node.pk: node for node in nodes}
    links = [
        link
        for link in DiagramLink.objects.filter(diagram=diagram, deleted_at__isnull=True).order_by(
            "position", "id"
        )
        if link.source_id in live and link.target_id in live
    ]
    for link in links:
        # Both ends are in hand: no query when a page names them.
        link.source = live[link.source_id]
        link.target = live[link.target_id]
    return Content(diagram=diagram, nodes=nodes, links=links)


# --- The outline ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutlineItem:
    node: DiagramNode
    strength: str
    children: tuple["OutlineItem", ...]
    # Shown under another box already: said, so a listener knows it is the same box.
    repeated: bool


def outline_of(content: Content) -> tuple[OutlineItem | None, list[DiagramNode]]:
    """The aim with everything under it, each box under every box it is linked from (a box
    serving two drivers appears under both), and the boxes linked from nothing."""
    aim = content.aim
    targets: dict[int, list[DiagramLink]] = {}
    for link in content.links:
        targets.setdefault(link.source_id, []).append(link)
    for links in targets.values():
        links.sort(key=lambda link: (link.target.column, link.target.position, link.target_id))
    seen: set[int] = set()

    def item(node: DiagramNode, strength: str) -> OutlineItem:
        repeated = node.pk in seen
        seen.add(node.pk)
        children = tuple(item(link.target, link.strength) for link in targets.get(node.pk, ()))
        return OutlineItem(node=node, strength=strength, children=children, repeated=repeated)

    root = item(aim, "strong") if aim else None
    has_source = {link.target_id for link in content.links}
    loose = [n for n in content.nodes if n.kind != Kind.AIM and n.pk not in has_source]
    return root, loose


# --- For the layout and the exchange format ----------------------------------------------------


def layout_input(content: Content) -> tuple[list[LayoutNode], list[LayoutLink]]:
    return (
        [LayoutNode(str(node.pk), node.column, node.text) for node in content.nodes],
        [
            LayoutLink(str(link.source_id), str(link.target_id), link.strength)
            for link in content.links
        ],
    )


def exchange_ids(content: Content) -> dict[int, str]:
    """Each box's id in an exported file: the id it had in the file it came from, else ``n`` and
    its number — made unique if a file's id happens to be the same."""
    ids: dict[int, str] = {}
    taken = {node.key for node in content.nodes if node.key}
    for node in content.nodes:
        if node.key:
            ids[node.pk] = node.key
            continue
        candidate, suffix = f"n{node.pk}", 1
        while candidate in taken:
            suffix += 1
            candidate = f"n{node.pk}-{suffix}"
        taken.add(candidate)
        ids[node.pk] = candidate
    return ids


SMART_FIELDS = {
    "what": "aim_what",
    "how_much": "aim_how_much",
    "for_whom": "aim_for_whom",
    "by_when": "aim_by_when",
    "baseline": "aim_baseline",
    "target": "aim_target",
}


def document_of(content: Content) -> exchange.DiagramDocument:
    """The diagram in the exchange format (FORMAT.md v1), with what an imported file held that
    the format does not know, and the SMART aim as ``smart_aim``."""
    diagram = content.diagram
    ids = exchange_ids(content)
    extra = dict(diagram.extra)
    smart = {
        name: (value.isoformat() if hasattr(value, "isoformat") else value)
        for name, attribute in SMART_FIELDS.items()
        if (value := getattr(diagram, attribute))
    }
    if smart:
        extra["smart_aim"] = smart
    return exchange.DiagramDocument(
        title=diagram.title,
        nodes=tuple(
            exchange.Node(id=ids[n.pk], kind=n.kind, text=n.text, extra=n.extra)
            for n in content.nodes
        ),
        links=tuple(
            exchange.Link(
                source=ids[link.source_id],
                target=ids[link.target_id],
                strength=link.strength,
                extra=link.extra,
                strength_given=link.strength_given,
            )
            for link in content.links
        ),
        extra=extra,
    )
