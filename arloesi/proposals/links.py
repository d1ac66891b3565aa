"""What higher apps keep about a proposal, shown on its page without proposals importing them
(ADR 0004: nothing points up) — a proposal started by adopting a published learning record says
"Adopted from …". An app registers in its ``AppConfig.ready()``:

    links.register(lambda proposal: [(label, address), ...])

and the proposal's page lists what each gives back (the page it leads to decides access)."""

from collections.abc import Callable

_providers: list[Callable] = []


def register(provider: Callable) -> None:
    """``provider(proposal)`` -> a list of (words, address); at most one query each."""
    if provider not in _providers:
        _providers.append(provider)


def for_proposal(proposal) -> list[tuple[str, str]]:
    return [
        (str(words), address) for provider in _providers for words, address in provider(proposal)
    ]
