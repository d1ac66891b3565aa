"""The driver diagram exchange format, v1 (docs: /work/shared/reference/diagrams/FORMAT.md).

``parse(data)`` reads a document (JSON text or bytes) into a ``DiagramDocument`` of ``Node``s
and ``Link``s, or refuses it with a ``DocumentError`` that names the node or link at fault.
``document.to_json()`` gives it back as plain data — with every field this version does not
know kept where it was, so a document read and written again loses nothing.

Refusals are English templates with ``%(name)s`` placeholders, all in ``MESSAGES``; the error
carries the template and its values (``error.template``, ``error.params``), so a page can show
``gettext(error.template) % error.params`` in the reader's language. Pure: no Django.
"""

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from arloesi.core.characters import has_control_characters, strip_control_characters

FORMAT = "driver-diagram/1"
# The columns, left to right; a node's kind is its column.
KINDS = ("aim", "primary", "secondary", "change_idea")
STRENGTHS = ("strong", "weak")

MAX_BYTES = 20_000_000
MAX_NODES = 5_000
MAX_LINKS = 20_000
MAX_TEXT = 1_000
MAX_ID = 100
MAX_DEPTH = 50


def gettext_noop(message: str) -> str:
    """Marks a message for translation (``make messages`` finds it) without translating it here:
    a page translates ``error.template`` in its reader's language."""
    return message


MESSAGES = {
    "too_large": gettext_noop("The file is larger than %(limit)s MB."),
    "not_utf8": gettext_noop("The file is not text in UTF-8."),
    "not_json": gettext_noop("The file is not valid JSON (line %(line)s, column %(column)s)."),
    "too_deep": gettext_noop("The file is nested more than %(limit)s levels deep."),
    "not_a_number": gettext_noop(
        "The file holds a number that is not a real number (NaN or infinity)."
    ),
    "duplicate_field": gettext_noop("The field “%(field)s” appears twice in the same object."),
    "not_text": gettext_noop("The file holds text that is not valid Unicode."),
    "not_an_object": gettext_noop(
        "The file must be one JSON object with “format”, “nodes” and “links”."
    ),
    "wrong_format": gettext_noop(
        "This is not a driver diagram file of this version: “format” must be “driver-diagram/1”."
    ),
    "title_not_text": gettext_noop("The title must be text."),
    "title_too_long": gettext_noop("The title is longer than %(limit)s characters."),
    "title_control": gettext_noop("The title has hidden control characters."),
    "nodes_not_list": gettext_noop("“nodes” must be a list."),
    "links_not_list": gettext_noop("“links” must be a list."),
    "too_many_nodes": gettext_noop(
        "The diagram has %(count)s nodes; at most %(limit)s are allowed."
    ),
    "too_many_links": gettext_noop(
        "The diagram has %(count)s links; at most %(limit)s are allowed."
    ),
    "node_not_object": gettext_noop(
        "Node %(number)s must be an object with “id”, “kind” and “text”."
    ),
    "node_no_id": gettext_noop("Node %(number)s has no “id”."),
    "node_id_not_text": gettext_noop("Node %(number)s: its “id” must be text."),
    "node_id_empty": gettext_noop("Node %(number)s: its “id” is empty."),
    "node_id_too_long": gettext_noop(
        "Node %(number)s: its “id” is longer than %(limit)s characters."
    ),
    "node_id_control": gettext_noop("Node %(number)s: its “id” has hidden control characters."),
    "duplicate_id": gettext_noop("Two nodes have the id “%(node)s”."),
    "no_kind": gettext_noop("Node “%(node)s” has no “kind”."),
    "unknown_kind": gettext_noop(
        "Node “%(node)s” has the kind “%(kind)s”: use aim, primary, secondary or change_idea."
    ),
    "no_text": gettext_noop("Node “%(node)s” has no “text”."),
    "text_not_text": gettext_noop("Node “%(node)s”: its “text” must be text."),
    "text_too_long": gettext_noop("Node “%(node)s”: its text is longer than %(limit)s characters."),
    "text_control": gettext_noop("Node “%(node)s”: its text has hidden control characters."),
    "no_aim": gettext_noop("The diagram has no aim: exactly one node must have the kind “aim”."),
    "several_aims": gettext_noop(
        "The diagram has %(count)s aims (%(nodes)s): exactly one node must have the kind “aim”."
    ),
    "link_not_object": gettext_noop("Link %(number)s must be an object with “from” and “to”."),
    "link_no_end": gettext_noop("Link %(number)s has no “%(field)s”."),
    "link_end_not_text": gettext_noop("Link %(number)s: its “%(field)s” must be a node id (text)."),
    "unknown_node": gettext_noop(
        "The link “%(link)s” goes to “%(node)s”, which is not a node of the diagram."
    ),
    "duplicate_link": gettext_noop("The link “%(link)s” appears twice."),
    "backwards_link": gettext_noop(
        "The link “%(link)s” runs backwards: links go from the aim to primary "
        "drivers, to secondary drivers, to change ideas."
    ),
    "same_column_link": gettext_noop(
        "The link “%(link)s” joins two nodes of the same kind (%(kind)s): links "
        "go from one column to a later one."
    ),
    "unknown_strength": gettext_noop(
        "The link “%(link)s” has the strength “%(strength)s”: use strong or weak."
    ),
    "file_field_control": gettext_noop("The field “%(field)s” has hidden control characters."),
    "node_field_control": gettext_noop(
        "Node “%(node)s”: its field “%(field)s” has hidden control characters."
    ),
    "link_field_control": gettext_noop(
        "The link “%(link)s”: its field “%(field)s” has hidden control characters."
    ),
}


class DocumentError(ValueError):
    """A document refused: ``code`` names the rule, ``template`` % ``params`` says why."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.template = MESSAGES[code]
        self.params = params
        super().__init__(self.template % params)


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    text: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def column(self) -> int:
        return KINDS.index(self.kind)


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    strength: str = "strong"
    extra: Mapping[str, Any] = field(default_factory=dict)
    # False when the file left "strength" out (it is then strong): written back the same way.
    strength_given: bool = field(default=True, compare=False)

    @property
    def label(self) -> str:
        return f"{self.source} → {self.target}"


@dataclass(frozen=True)
class DiagramDocument:
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    title: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The document as plain data, unknown fields included."""
        data: dict[str, Any] = {"format": FORMAT}
        if self.title is not None:
            data["title"] = self.title
        data["nodes"] = [
            {"id": n.id, "kind": n.kind, "text": n.text, **n.extra} for n in self.nodes
        ]
        data["links"] = [_link_json(link) for link in self.links]
        return {**data, **self.extra}

    def dumps(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)


def parse(data: str | bytes) -> DiagramDocument:
    """The document in ``data`` (JSON), checked against every rule of the format."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise DocumentError("too_large", limit=MAX_BYTES // 1_000_000)
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DocumentError("not_utf8") from error
    if len(data) > MAX_BYTES:
        raise DocumentError("too_large", limit=MAX_BYTES // 1_000_000)
    try:
        value = json.loads(data, object_pairs_hook=_no_duplicate_fields, parse_constant=_no_nan)
    except json.JSONDecodeError as error:
        raise DocumentError("not_json", line=error.lineno, column=error.colno) from error
    except RecursionError as error:
        raise DocumentError("too_deep", limit=MAX_DEPTH) from error
    return from_json(value)


def from_json(value: Any) -> DiagramDocument:
    """The document in already-decoded JSON ``value``, checked against every rule."""
    if not isinstance(value, dict):
        raise DocumentError("not_an_object")
    _check_strings(value)
    if value.get("format") != FORMAT:
        raise DocumentError("wrong_format")
    title = value.get("title")
    if "title" in value:
        if not isinstance(title, str):
            raise DocumentError("title_not_text")
        if len(title) > MAX_TEXT:
            raise DocumentError("title_too_long", limit=MAX_TEXT)
        if has_control_characters(title):
            raise DocumentError("title_control")
    raw_nodes = value.get("nodes")
    raw_links = value.get("links", [])
    if not isinstance(raw_nodes, list):
        raise DocumentError("nodes_not_list")
    if not isinstance(raw_links, list):
        raise DocumentError("links_not_list")
    if len(raw_nodes) > MAX_NODES:
        raise DocumentError("too_many_nodes", count=len(raw_nodes), limit=MAX_NODES)
    if len(raw_links) > MAX_LINKS:
        raise DocumentError("too_many_links", count=len(raw_links), limit=MAX_LINKS)
    nodes = tuple(_node(raw, number) for number, raw in enumerate(raw_nodes, start=1))
    kind_of = _check_nodes(nodes)
    links = tuple(_link(raw, number) for number, raw in enumerate(raw_links, start=1))
    _check_links(links, kind_of)
    extra = {k: v for k, v in value.items() if k not in ("format", "title", "nodes", "links")}
    _check_extra(extra, "file_field_control")
    return DiagramDocument(nodes=nodes, links=links, title=title, extra=extra)


def validate(document: DiagramDocument) -> None:
    """Raise ``DocumentError`` if a document built in code breaks a rule of the format."""
    from_json(json.loads(json.dumps(document.to_json())))


def _node(raw: Any, number: int) -> Node:
    if not isinstance(raw, dict):
        raise DocumentError("node_not_object", number=number)
    if "id" not in raw:
        raise DocumentError("node_no_id", number=number)
    node_id = raw["id"]
    if not isinstance(node_id, str):
        raise DocumentError("node_id_not_text", number=number)
    if not node_id.strip():
        raise DocumentError("node_id_empty", number=number)
    if len(node_id) > MAX_ID:
        raise DocumentError("node_id_too_long", number=number, limit=MAX_ID)
    if has_control_characters(node_id):
        raise DocumentError("node_id_control", number=number)
    if "kind" not in raw:
        raise DocumentError("no_kind", node=node_id)
    kind = raw["kind"]
    if kind not in KINDS:
        raise DocumentError("unknown_kind", node=node_id, kind=_shown(kind))
    if "text" not in raw:
        raise DocumentError("no_text", node=node_id)
    text = raw["text"]
    if not isinstance(text, str):
        raise DocumentError("text_not_text", node=node_id)
    if len(text) > MAX_TEXT:
        raise DocumentError("text_too_long", node=node_id, limit=MAX_TEXT)
    if has_control_characters(text):
        raise DocumentError("text_control", node=node_id)
    extra = {k: v for k, v in raw.items() if k not in ("id", "kind", "text")}
    _check_extra(extra, "node_field_control", node=node_id)
    return Node(id=node_id, kind=kind, text=text, extra=extra)


def _check_nodes(nodes: tuple[Node, ...]) -> dict[str, str]:
    kind_of: dict[str, str] = {}
    for node in nodes:
        if node.id in kind_of:
            raise DocumentError("duplicate_id", node=node.id)
        kind_of[node.id] = node.kind
    aims = [node.id for node in nodes if node.kind == "aim"]
    if not aims:
        raise DocumentError("no_aim")
    if len(aims) > 1:
        shown = ", ".join(f"“{a}”" for a in aims[:5]) + (", …" if len(aims) > 5 else "")
        raise DocumentError("several_aims", count=len(aims), nodes=shown)
    return kind_of


def _link(raw: Any, number: int) -> Link:
    if not isinstance(raw, dict):
        raise DocumentError("link_not_object", number=number)
    for end in ("from", "to"):
        if end not in raw:
            raise DocumentError("link_no_end", number=number, field=end)
        if not isinstance(raw[end], str):
            raise DocumentError("link_end_not_text", number=number, field=end)
    source, target = raw["from"], raw["to"]
    given = "strength" in raw
    strength = raw.get("strength", "strong")
    if strength not in STRENGTHS:
        label = f"{source} → {target}"
        raise DocumentError("unknown_strength", link=label, strength=_shown(strength))
    extra = {k: v for k, v in raw.items() if k not in ("from", "to", "strength")}
    _check_extra(extra, "link_field_control", link=f"{source} → {target}")
    return Link(source, target, strength, extra=extra, strength_given=given)


def _check_links(links: tuple[Link, ...], kind_of: dict[str, str]) -> None:
    seen: set[tuple[str, str]] = set()
    for link in links:
        for end in (link.source, link.target):
            if end not in kind_of:
                raise DocumentError("unknown_node", link=link.label, node=end)
        if (link.source, link.target) in seen:
            raise DocumentError("duplicate_link", link=link.label)
        seen.add((link.source, link.target))
        left, right = KINDS.index(kind_of[link.source]), KINDS.index(kind_of[link.target])
        if left == right:
            raise DocumentError("same_column_link", link=link.label, kind=kind_of[link.source])
        if left > right:
            raise DocumentError("backwards_link", link=link.label)


def _check_extra(extra: Mapping[str, Any], code: str, **where: str) -> None:
    """Fields the format does not know are kept, but not with hidden control characters in them
    (in a key or anywhere in the value): nothing that holds them is saved."""
    for key, value in extra.items():
        stack = [key, value]
        while stack:
            item = stack.pop()
            if isinstance(item, str) and has_control_characters(item):
                raise DocumentError(code, field=_shown(key), **where)
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)


def _link_json(link: Link) -> dict[str, Any]:
    data: dict[str, Any] = {"from": link.source, "to": link.target}
    if link.strength_given or link.strength != "strong":
        data["strength"] = link.strength
    return {**data, **link.extra}


def _no_duplicate_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for key, item in pairs:
        if key in value:
            raise DocumentError("duplicate_field", field=_shown(key))
        value[key] = item
    return value


def _no_nan(constant: str) -> Any:
    raise DocumentError("not_a_number")


def _check_strings(value: Any) -> None:
    """Every string (keys included) is real Unicode, and nothing nests too deep."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise DocumentError("too_deep", limit=MAX_DEPTH)
        if isinstance(item, str):
            if _has_surrogate(item):
                raise DocumentError("not_text")
        elif isinstance(item, dict):
            for key, child in item.items():
                if _has_surrogate(key):
                    raise DocumentError("not_text")
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise DocumentError("not_a_number")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(value: Any) -> str:
    """A value from the file, short enough to quote in a message."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:60]
    text = strip_control_characters(text)
    return text if len(text) <= 60 else text[:57] + "…"
