"""Guidance for the screen a person is on, without the screen's app importing whoever keeps it
(the learning app's resources library, ADR 0004). A template asks

    {% with topic="pitching" %}{% include "core/_guidance.html" %}{% endwith %}

and the app that keeps guidance registers, in its ``AppConfig.ready()``, a provider:
``guidance.register(lambda topic: [Guidance(title, url), ...])`` (one query at most)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Guidance:
    title: str
    url: str


_providers: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def resources_for(topic: str) -> list[Guidance]:
    """The guidance on ``topic`` (e.g. "pitching", "diagrams", "measuring", "evaluating")."""
    return [item for provider in _providers for item in provider(topic)]
