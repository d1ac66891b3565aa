"""The check every write to a project's evaluation makes: only its team and leads, and not once
the project is closed (``projects.selectors.may_change_now``, the question pages ask too)."""

from django.core.exceptions import PermissionDenied

from arloesi.projects import selectors as projects


def require_change(actor, project) -> None:
    if not projects.may_change_now(actor, project):
        raise PermissionDenied
