"""Header navigation. Each domain app registers its entries with a test of who sees them."""

from collections.abc import Callable
from dataclasses import dataclass

from arloesi.core.jinja import url


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    visible: Callable[[object], bool]
    order: int = 100


_items: list[NavItem] = []


def register(label, url_name: str, *, visible: Callable[[object], bool], order: int = 100) -> None:
    _items.append(NavItem(label, url_name, visible, order))
    _items.sort(key=lambda item: item.order)


def items_for(request) -> list[dict]:
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return []
    path = request.path
    result = [
        # url(): reversed once per language, not on every page (see core.jinja).
        {"label": item.label, "href": url(item.url_name), "current": False}
        for item in _items
        if item.visible(user)
    ]
    # The current item is the one whose address is the longest start of this page's address
    # (every address starts with the home page's, "/en/").
    matches = [entry for entry in result if path.startswith(entry["href"])]
    if matches:
        max(matches, key=lambda entry: len(entry["href"]))["current"] = True
    return result
