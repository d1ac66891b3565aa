"""Workflows: which status may follow which, decided in one place per workflow.

Pure: no database. ``arloesi.core.services.status_change`` applies a transition and writes the
immutable ``StatusChange`` row.
"""

from dataclasses import dataclass


class TransitionNotAllowedError(Exception):
    def __init__(self, source: str, target: str):
        super().__init__(f"{source!r} → {target!r} is not an allowed transition")
        self.source = source
        self.target = target


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    # The permission the actor needs for this step (checked against the object's scope).
    permission: str | None = None


class Workflow:
    def __init__(self, name: str, transitions: list[Transition]):
        self.name = name
        self._by_source: dict[str, dict[str, Transition]] = {}
        for transition in transitions:
            self._by_source.setdefault(transition.source, {})[transition.target] = transition

    def targets(self, source: str) -> list[str]:
        return list(self._by_source.get(source, {}))

    def transition(self, source: str, target: str) -> Transition:
        try:
            return self._by_source[source][target]
        except KeyError:
            raise TransitionNotAllowedError(source, target) from None

    def is_final(self, status: str) -> bool:
        return not self._by_source.get(status)
