"""Running a project: its page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from arloesi.projects import selectors


@login_required
def project_detail(request, project_id: int):
    project = selectors.project_get_for_user(user=request.user, project_id=project_id)
    return render(request, "projects/running/detail.html", {"project": project})
