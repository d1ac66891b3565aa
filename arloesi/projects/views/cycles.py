"""Cycles of change: a PDSA cycle's page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from arloesi.projects import selectors


@login_required
def cycle_detail(request, cycle_id: int):
    cycle = selectors.cycle_get_for_user(user=request.user, cycle_id=cycle_id)
    return render(request, "projects/cycles/detail.html", {"cycle": cycle})
