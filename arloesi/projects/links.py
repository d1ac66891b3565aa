"""Links that higher apps add to a project's page — its measures, its tasks — without projects
importing them (ADR 0004: nothing points up). An app registers in its ``AppConfig.ready()``:

    links.register(_("Measures and their charts"), lambda project: reverse(...))

and the project's page shows each link to everyone who sees the project (the page it leads to
decides what they may do there)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectLink:
    label: str
    url: Callable  # project -> address


_links: list[ProjectLink] = []


def register(label, url: Callable) -> None:
    if any(link.label == label for link in _links):
        return
    _links.append(ProjectLink(label, url))


def for_project(project) -> list[tuple[str, str]]:
    """(label, address) of every registered link, for ``project``."""
    return [(str(link.label), link.url(project)) for link in _links]
