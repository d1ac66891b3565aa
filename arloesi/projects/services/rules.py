"""The checks every write to a project makes, once for running it and its cycles."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from arloesi.projects.models import Project
from arloesi.projects.selectors.access import may_change
from arloesi.projects.vocabulary import Stage


def require_change(actor, project: Project) -> None:
    """Only the team and the project's leads change it, and only while it is not closed (as
    the database has it now: someone may have closed it since ``project`` was read)."""
    if not may_change(actor, project):
        raise PermissionDenied
    status = Project.objects.filter(pk=project.pk).values_list("status", flat=True).first()
    if status == Stage.CLOSED:
        raise ValidationError(_("This project is closed: it can no longer be changed."))
