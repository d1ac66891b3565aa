"""The check every write to a measure makes: only whoever may change the diagram's measures now
(a project's team and leads while it is not closed; ``selectors.access``)."""

from django.core.exceptions import PermissionDenied

from arloesi.measures.selectors.access import access_to_diagram


def require_change(actor, diagram) -> None:
    if not access_to_diagram(user=actor, diagram=diagram).may_change:
        raise PermissionDenied


def require_measure_change(actor, measure) -> None:
    """A measure read for this request by ``selectors.measure_get_for_user`` carries what it
    found its reader may do: for the same person that answer stands (the check is the same);
    any other measure, or person, is checked afresh."""
    found = getattr(measure, "access_found", None)
    if found is not None and found[0] == getattr(actor, "pk", None) and actor.is_authenticated:
        if not found[1].may_change:
            raise PermissionDenied
        return
    require_change(actor, measure.node.diagram)
