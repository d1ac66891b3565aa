"""The one SVG writer (ADR 0006): drawings are built here, escaped here, and nowhere else.

A drawing is a tree of ``Element``s made with ``element(tag, attributes, *children)``; text
children are plain strings. ``render`` turns the tree into SVG markup, and on the way:

- every text and every attribute value is escaped (``& < > " '``), and characters that are not
  text (control characters, lone surrogates: ``core.characters``) are left out, so what
  someone typed can never close a tag, open one, or make the XML invalid;
- only drawing elements are allowed (``ELEMENTS``): no ``script``, ``foreignObject``,
  ``image`` or ``a``, so a drawing cannot run or fetch anything;
- no ``style`` attribute and no ``on…`` event attribute: colours are classes styled by the
  page's style sheet, or presentation attributes (``fill``, ``stroke``…), which a strict
  Content-Security-Policy allows and which also work where no style sheet is (PDF, PNG).

Numbers are written with at most two decimals. Pure: no Django.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from arloesi.core.characters import strip_control_characters

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "defs",
        "title",
        "desc",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "path",
        "text",
        "tspan",
        "marker",
    }
)
_ATTRIBUTE_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9:_.-]*$")
_FORBIDDEN_ATTRIBUTES = re.compile(r"^(on|style$|href$|xlink:href$)", re.IGNORECASE)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})

type Value = str | int | float
type Child = "Element | str"


@dataclass
class Element:
    tag: str
    attributes: dict[str, Value] = field(default_factory=dict)
    children: list[Child] = field(default_factory=list)

    def add(self, *children: Child) -> "Element":
        self.children.extend(children)
        return self


def element(tag: str, attributes: Mapping[str, Value] | None = None, *children: Child) -> Element:
    """An SVG element; refuses tags and attribute names a drawing has no business with."""
    if tag not in ELEMENTS:
        raise ValueError(f"<{tag}> is not a drawing element")
    attributes = dict(attributes or {})
    for name in attributes:
        if name not in _ALLOWED_NAMES:
            if not _ATTRIBUTE_NAME.match(name) or _FORBIDDEN_ATTRIBUTES.match(name):
                raise ValueError(f"{name!r} is not allowed on a drawing")
            _ALLOWED_NAMES.add(name)
    return Element(tag, attributes, list(children))


# Attribute names already checked: a chart of hundreds of points uses a dozen names, thousands of
# times.
_ALLOWED_NAMES: set[str] = set()


def escape(text: str) -> str:
    """``text`` safe inside an element or a quoted attribute value."""
    return strip_control_characters(str(text)).translate(_ESCAPES)


def number(value: float) -> str:
    """A coordinate or length: at most two decimals, no trailing zeros, no "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def path_data(commands: Iterable[tuple[str, Iterable[float]]]) -> str:
    """The ``d`` attribute of a path from (command letter, numbers) pairs."""
    parts = []
    for command, values in commands:
        if command not in "MLCHVZmlchvz" or len(command) != 1:
            raise ValueError(f"{command!r} is not a path command")
        parts.append(command + " ".join(number(v) for v in values))
    return " ".join(parts)


def render(node: Child) -> str:
    """SVG markup for ``node`` (an element tree, or a text)."""
    out: list[str] = []
    _write(node, out)
    return "".join(out)


def document(root: Element) -> str:
    """A standalone SVG file: the XML declaration and ``root`` with the SVG namespace."""
    if root.tag != "svg":
        raise ValueError("a document's root is <svg>")
    root.attributes.setdefault("xmlns", SVG_NAMESPACE)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + render(root) + "\n"


def _write(node: Child, out: list[str]) -> None:
    if isinstance(node, str):
        out.append(escape(node))
        return
    out.append(f"<{node.tag}")
    for name, value in node.attributes.items():
        if isinstance(value, float):
            text = number(value)  # digits, a point and a sign: nothing to escape
        elif isinstance(value, int):
            text = str(value)
        else:
            text = escape(str(value))
        out.append(f' {name}="{text}"')
    if not node.children:
        out.append("/>")
        return
    out.append(">")
    for child in node.children:
        _write(child, out)
    out.append(f"</{node.tag}>")
