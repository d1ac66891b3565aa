"""Who sees and changes a project's evaluation: whoever sees the project sees its logic model and
reports; its team and leads change them while it is not closed (``projects.selectors``)."""

from django.http import Http404

from arloesi.evaluation.models import EvaluationReport
from arloesi.projects import selectors as projects


def project_for_evaluation(*, user, project_id: int, change: bool = False):
    """The project and whether ``user`` may change its evaluation now; 404 when they may not
    see it (or, with ``change``, may not change it)."""
    project = projects.project_get_for_user(user=user, project_id=project_id)
    may_change = projects.may_change_now(user, project)
    if change and not may_change:
        raise Http404
    return project, may_change


def report_get_for_user(*, user, report_id: int, change: bool = False):
    """The report and whether ``user`` may change its project's evaluation now; 404 when they
    may not see the project (a guessed id reveals nothing)."""
    visible = projects.projects_visible_to(user=user).values("pk")
    report = (
        EvaluationReport.objects.filter(pk=report_id, project__in=visible)
        .select_related("project__lead_collaborative", "project__planning_group", "created_by")
        .first()
    )
    if report is None:
        raise Http404
    may_change = projects.may_change_now(user, report.project)
    if change and not may_change:
        raise Http404
    return report, may_change
