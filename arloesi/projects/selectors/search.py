"""What finding learning keeps of a project (core.search): its title, what it was approved on
and its evaluation objectives, how it ended and why. Who sees which is
``projects_visible_to``."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from arloesi.core import search
from arloesi.core.search import analysis
from arloesi.projects.models import Project, ProjectEvaluationPlan
from arloesi.projects.selectors.access import projects_visible_to

KIND = "project"


def _document(project: Project) -> search.Document:
    plan = getattr(project, "evaluation_plan", None)
    texts = [project.conditions, project.outcome_reasons, project.rag_reason]
    if plan is not None:
        texts += [plan.objectives, plan.success_measures]
    welsh = analysis.guess_language(project.title, *texts) == analysis.WELSH
    return search.Document(
        object_id=project.pk,
        title_en="" if welsh else project.title,
        title_cy=project.title if welsh else "",
        summary_en="" if welsh else (project.outcome_reasons or project.conditions)[:300],
        summary_cy=(project.outcome_reasons or project.conditions)[:300] if welsh else "",
        text_en=() if welsh else texts,
        text_cy=texts if welsh else (),
        unit_path=project.lead_collaborative.path,
        status=project.status,
        outcome=project.outcome,
        tags=[f"stage:{project.status}"],
        date=project.started_at.date() if project.started_at else None,
    )


def project_documents(ids: list[int] | None):
    rows = Project.objects.select_related("lead_collaborative", "evaluation_plan").only(
        "title", "conditions", "outcome", "outcome_reasons", "rag_reason", "status",
        "started_at", "lead_collaborative__path", "evaluation_plan__objectives",
        "evaluation_plan__success_measures",
    )  # fmt: skip
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    for project in rows.order_by("pk").iterator(chunk_size=500):
        yield _document(project)


def project_ids_visible(user):
    return projects_visible_to(user=user).order_by().values("pk")


def register() -> None:
    search.register(
        KIND,
        label=_("Project"),
        build=project_documents,
        visible=project_ids_visible,
        address=lambda object_id: reverse("projects:detail", kwargs={"project_id": object_id}),
        models={
            Project: lambda project: project.pk,
            ProjectEvaluationPlan: lambda plan: plan.project_id,
        },
        order=20,
    )
