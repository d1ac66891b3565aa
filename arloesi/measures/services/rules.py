"""The check every write to a measure makes: only whoever may change the diagram's measures now
(a project's team and leads while it is not closed; ``selectors.access``)."""

from django.core.exceptions import PermissionDenied

from arloesi.measures.selectors.access import access_to_diagram


def require_change(actor, diagram) -> None:
    if not access_to_diagram(user=actor, diagram=diagram).may_change:
        raise PermissionDenied


def require_measure_change(actor, measure) -> None:
    require_change(actor, measure.node.diagram)
