"""Reads of projects. The schedule, dashboards and project pages arrive with the projects issue;
for now other apps ask only whether a proposal has started a project."""

from arloesi.projects.models import Project


def project_for_proposal(*, proposal_id: int) -> Project | None:
    """The project a proposal started, if any (callers have already checked the reader may see
    the proposal)."""
    return Project.objects.filter(proposal_id=proposal_id).select_related("evaluation_plan").first()
