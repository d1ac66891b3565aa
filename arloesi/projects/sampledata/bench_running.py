"""The pages of running a project timed by ``make bench``: the busiest project's page (the first
project: the schedules generator gives it the most milestones, updates and cycles, and the
diagrams generator its 60-box diagram), its history, its forms, and "My projects", each as the
project's lead."""

from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import Person
from arloesi.projects.models import Milestone, Project, ProjectCondition, ProjectTeamMember


def _busiest(context: BenchContext) -> Project:
    return context.pick("projects.busiest", lambda: Project.objects.order_by("pk").first())


def _lead(context: BenchContext) -> Person:
    return (
        ProjectTeamMember.objects.filter(project=_busiest(context))
        .select_related("person")
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _project_url(route: str):
    return lambda context: reverse(route, kwargs={"project_id": _busiest(context).pk})


def _milestone_url(context: BenchContext) -> str:
    project = _busiest(context)
    milestone = Milestone.objects.filter(project=project).order_by("pk").first()
    if milestone is None:
        milestone = Milestone.objects.create(
            project=project, title="First patients seen", due_on=project.started_at.date()
        )
    return reverse(
        "projects:milestone_edit", kwargs={"project_id": project.pk, "milestone_id": milestone.pk}
    )


def _condition_url(context: BenchContext) -> str:
    project = _busiest(context)
    condition = ProjectCondition.objects.filter(project=project).order_by("pk").first()
    if condition is None:
        condition = ProjectCondition.objects.create(
            project=project, text="Report the numbers seen every quarter"
        )
    return reverse(
        "projects:condition_close",
        kwargs={"project_id": project.pk, "condition_id": condition.pk},
    )


# The busiest project is the same size at every scale (the generator's BUSIEST), so its pages
# show the same amount: only their query counts are compared.
for _name, _url, _why in [
    ("project", _project_url("projects:detail"), "the busiest project, the same at every scale"),
    ("project history", _project_url("projects:history"), "one project's recorded changes"),
    ("my projects", lambda context: reverse("projects:mine"), "the few projects one person is on"),
    ("project plan", _project_url("projects:plan"), "a form about one project"),
    ("project RAG status", _project_url("projects:rag"), "a form about one project"),
    ("project stage", _project_url("projects:stage"), "a form about one project"),
    ("progress update", _project_url("projects:update_add"), "a blank form"),
    ("add a milestone", _project_url("projects:milestone_add"), "a blank form"),
    ("milestone", _milestone_url, "a form about one milestone"),
    ("close a condition", _condition_url, "a form about one condition"),
]:
    bench.register_page(_name, url=_url, user=_lead, does_not_grow=_why)
