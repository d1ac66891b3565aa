"""What needs a person's attention, shown on their home page. Domain apps register providers."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AttentionItem:
    text: str
    href: str
    count: int | None = None


_providers: list[Callable[[object], list[AttentionItem]]] = []


def register(provider: Callable[[object], list[AttentionItem]]) -> None:
    _providers.append(provider)


def items_for(user) -> list[AttentionItem]:
    return [item for provider in _providers for item in provider(user)]
