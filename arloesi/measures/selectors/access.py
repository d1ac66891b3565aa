"""Who sees a measure and who changes it — decided here once, for every page and service.

A measure belongs to a box of a driver diagram; the diagram's owner answers. For a project's
diagram: whoever sees the project sees its measures, and its team and leads change them while
the project is not closed (``projects.selectors``). For any other diagram (a proposal's, or
someone's own): whoever may see or change the diagram (``diagrams.selectors.diagram_access``).
Anything else is a 404, so ids cannot be probed.
"""

from dataclasses import dataclass

from django.http import Http404

from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import OwnerKind
from arloesi.measures.models import Measure
from arloesi.projects import selectors as projects


@dataclass(frozen=True)
class MeasureAccess:
    may_view: bool
    may_change: bool
    # The project whose diagram the measure is on (None for another diagram's).
    project: object | None = None
    owner_title: str = ""
    owner_url: str | None = None


NO_ACCESS = MeasureAccess(may_view=False, may_change=False)


# A measure is read with the box and the diagram it is on, for who may see and change it; not
# with what only the diagram's own pages use (its kept drawing, the imported file's extra fields).
DIAGRAM_NOT_NEEDED = ("node__diagram__drawing", "node__diagram__extra", "node__extra")


def with_diagram(measures):
    """``measures`` (a queryset) read with their box and diagram, in the same query."""
    return measures.select_related("node__diagram").defer(*DIAGRAM_NOT_NEEDED)


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def access_to_diagram(*, user, diagram) -> MeasureAccess:
    """What ``user`` may do with the measures of ``diagram``."""
    if not _signed_in(user):
        return NO_ACCESS
    if diagram.owner_kind == OwnerKind.PROJECT:
        try:
            project = projects.project_get_for_user(user=user, project_id=diagram.owner_id)
        except Http404:
            return NO_ACCESS
        return MeasureAccess(
            may_view=True,
            may_change=projects.may_change_now(user, project),
            project=project,
            owner_title=project.title,
            owner_url=None,
        )
    found = diagrams.diagram_access(user=user, diagram=diagram)
    return MeasureAccess(
        may_view=found.may_view,
        may_change=found.may_edit,
        owner_title=found.owner_title,
        owner_url=found.owner_url,
    )


def measure_get_for_user(*, user, measure_id: int) -> tuple[Measure, MeasureAccess]:
    """The measure and what ``user`` may do with it, or 404 when they may not see it."""
    if not _signed_in(user):
        raise Http404
    measure = with_diagram(Measure.objects.filter(pk=measure_id)).first()
    if measure is None:
        raise Http404
    access = access_to_diagram(user=user, diagram=measure.node.diagram)
    if not access.may_view:
        raise Http404
    # What this request has found ``user`` may do with this very object: the write's own check
    # (``services.rules``) reads it instead of asking the database again.
    measure.access_found = (user.pk, access)
    return measure, access


def measure_for_change(*, user, measure_id: int) -> tuple[Measure, MeasureAccess]:
    """The measure, when ``user`` may change it now; otherwise 404 (a form not offered is not
    there)."""
    measure, access = measure_get_for_user(user=user, measure_id=measure_id)
    if not access.may_change:
        raise Http404
    return measure, access


def measures_for_change(*, user, measure_ids: list[int]) -> list[Measure]:
    """The measures, in the order asked, when ``user`` may change every one now; otherwise 404
    (as for one). Each diagram's access is found once, however many of its measures are asked."""
    if not _signed_in(user):
        raise Http404
    found = with_diagram(Measure.objects.all()).in_bulk(measure_ids)
    by_diagram: dict[int, MeasureAccess] = {}
    measures = []
    for measure_id in measure_ids:
        measure = found.get(measure_id)
        if measure is None:
            raise Http404
        diagram = measure.node.diagram
        if diagram.pk not in by_diagram:
            by_diagram[diagram.pk] = access_to_diagram(user=user, diagram=diagram)
        access = by_diagram[diagram.pk]
        if not access.may_change:
            raise Http404
        measure.access_found = (user.pk, access)
        measures.append(measure)
    return measures


def project_for_measures(*, user, project_id: int, change: bool = False):
    """The project and its driver diagram, when ``user`` may see (or, with ``change``, change
    its measures now); otherwise 404."""
    project = projects.project_get_for_user(user=user, project_id=project_id)
    may_change = projects.may_change_now(user, project)
    if change and not may_change:
        raise Http404
    diagram = diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=project.pk)
    return project, diagram, may_change
