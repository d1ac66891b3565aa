"""Projects: those the caller may see (as on their pages), their milestones, PDSA cycles and
measures; adding a milestone and planning a cycle, as the project's team does on its pages;
and the schedule of a cluster, planning group, health board or Wales."""

from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema, Status
from pydantic import Field

from arloesi.api import auth, calls, present, problems, selectors
from arloesi.api.forms import inputs
from arloesi.api.schemas.common import ProblemOut
from arloesi.api.schemas.measures import MeasureSummary
from arloesi.api.schemas.projects import (
    CycleIn,
    CycleOut,
    MilestoneIn,
    MilestoneOut,
    ProjectOut,
    ProjectPage,
    ScheduleOut,
)
from arloesi.measures import selectors as measures
from arloesi.projects import selectors as projects
from arloesi.projects import services

router = Router(tags=["projects"])
schedule = Router(tags=["schedule"])
WRITE_PROBLEMS = {403: ProblemOut, 404: ProblemOut}


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000)


@router.get(
    "",
    response=ProjectPage,
    summary=gettext_lazy("List projects"),
    description=gettext_lazy("The projects you may see, newest first."),
)
def project_list(request, paging: Query[Paging]):
    found = selectors.projects_page(user=request.user, number=paging.page)
    return present.page(found, found.items)


@router.get(
    "/{int:project_id}",
    response={200: ProjectOut, 404: ProblemOut},
    summary=gettext_lazy("Read a project"),
)
def project_detail(request, project_id: int):
    return projects.project_get_for_user(user=request.user, project_id=project_id)


@router.get(
    "/{int:project_id}/milestones",
    response={200: list[MilestoneOut], 404: ProblemOut},
    summary=gettext_lazy("List a project's milestones"),
    description=gettext_lazy(
        "The project's milestones in date order, each saying whether it is overdue."
    ),
)
def milestone_list(request, project_id: int):
    project = projects.project_get_for_user(user=request.user, project_id=project_id)
    return [
        present.milestone(r.milestone, r.overdue) for r in projects.milestones_of(project=project)
    ]


@router.post(
    "/{int:project_id}/milestones",
    response={201: MilestoneOut, **WRITE_PROBLEMS},
    auth=auth.write,
    summary=gettext_lazy("Add a milestone"),
    description=gettext_lazy(
        "Add a milestone (the project's team and leads, while it is not closed)."
    ),
)
def milestone_add(request, project_id: int, payload: MilestoneIn):
    project = projects.project_get_for_user(user=request.user, project_id=project_id)
    form = inputs.bound(inputs.MilestoneForm, payload.dict())
    if not form.is_valid():
        raise calls.form_errors(form)
    added = calls.call(
        request,
        lambda: services.milestone_add(actor=request.user, project=project, **form.cleaned_data),
    )
    return Status(201, present.milestone(added, overdue=present.overdue(added)))


@router.get(
    "/{int:project_id}/cycles",
    response={200: list[CycleOut], 404: ProblemOut},
    summary=gettext_lazy("List a project's PDSA cycles"),
    description=gettext_lazy(
        "The project's PDSA cycles: each ramp's in order, then those in no ramp."
    ),
)
def cycle_list(request, project_id: int):
    project = projects.project_get_for_user(user=request.user, project_id=project_id)
    page = projects.cycles_page(user=request.user, project=project)
    rows = [row for ramp in page.ramps for row in ramp.rows] + page.alone
    return [present.cycle(row.cycle, row.state) for row in rows]


@router.post(
    "/{int:project_id}/cycles",
    response={201: CycleOut, **WRITE_PROBLEMS},
    auth=auth.write,
    summary=gettext_lazy("Plan a PDSA cycle"),
    description=gettext_lazy(
        "Plan a PDSA cycle on its own (the project's team and leads, while it is not closed)."
    ),
)
def cycle_plan(request, project_id: int, payload: CycleIn):
    project = projects.project_get_for_user(user=request.user, project_id=project_id)
    form = inputs.bound(inputs.CycleForm, payload.dict())
    if not form.is_valid():
        raise calls.form_errors(form)
    planned = calls.call(
        request,
        lambda: services.cycle_plan(actor=request.user, project=project, **form.cleaned_data),
    )
    return Status(201, present.cycle(planned, projects.cycle_state(planned)))


@router.get(
    "/{int:project_id}/measures",
    response={200: list[MeasureSummary], 404: ProblemOut},
    summary=gettext_lazy("List a project's measures"),
    description=gettext_lazy(
        "The measures on the project's driver diagram, with how many periods each has."
    ),
)
def project_measures(request, project_id: int):
    page = measures.measure_list_page(user=request.user, project_id=project_id)
    return [present.measure_row(row) for row in page.rows]


class ScheduleQuery(Schema):
    unit_id: int | None = Field(
        None,
        description=gettext_lazy(
            "A cluster, planning group, health board or Wales; yours by default."
        ),
    )
    page: int = Field(1, ge=1, le=100_000)


@schedule.get(
    "",
    response={200: ScheduleOut, 404: ProblemOut},
    summary=gettext_lazy("Read the schedule of projects"),
    description=gettext_lazy(
        "The schedule: every project under the unit, with its next milestone and cycles."
    ),
)
def schedule_page(request, query: Query[ScheduleQuery]):
    if query.unit_id is None:
        unit = projects.widest_unit_for(user=request.user)
        if unit is None:
            raise problems.not_found()
    else:
        unit = projects.unit_for_monitoring(user=request.user, unit_id=query.unit_id)
    page = projects.schedule_page(
        user=request.user, unit=unit, filters=projects.Filters(), number=query.page
    )
    rows = [present.schedule_row(row) for row in page.rows] if query.page <= page.pages else []
    return {
        "unit_id": unit.pk,
        "unit": unit.name,
        "count": page.total,
        "page": query.page,
        "pages": page.pages,
        "results": rows,
    }
