"""What proposals are judged against: local priorities (a planning group's chair or a cluster
lead), and the planning group's intake with its criteria (its chair)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.proposals import selectors, services
from arloesi.proposals.forms.intake import CriterionForm, IntakeOpenForm, PriorityForm


@login_required
def priorities(request, unit_id: int):
    unit = selectors.unit_for_priorities(user=request.user, unit_id=unit_id)
    return render(
        request,
        "proposals/intake/priorities.html",
        {
            "unit": unit,
            "priorities": selectors.priority_list_for_unit(unit=unit),
            "today": timezone.localdate(),
        },
    )


def _priorities_url(unit) -> str:
    return reverse("proposals:priorities", kwargs={"unit_id": unit.pk})


@login_required
@require_http_methods(["GET", "POST"])
def priority_add(request, unit_id: int):
    unit = selectors.unit_for_priorities(user=request.user, unit_id=unit_id)
    form = PriorityForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.priority_create(actor=request.user, unit=unit, **form.cleaned_data),
            form=form,
            success=lambda priority: (
                _("The priority “%(title)s” was added.") % {"title": priority.title}
            ),
        )
        if result.ok:
            return redirect(_priorities_url(unit))
    return render(
        request, "proposals/intake/priority_form.html", {"unit": unit, "form": form, "new": True}
    )


@login_required
@require_http_methods(["GET", "POST"])
def priority_edit(request, priority_id: int):
    priority = selectors.priority_get_for_user(user=request.user, priority_id=priority_id)
    form = PriorityForm(posted(request), initial=PriorityForm.initial_from(priority))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.priority_update(
                actor=request.user, priority=priority, **form.cleaned_data
            ),
            form=form,
            success=_("Your changes to the priority were saved."),
        )
        if result.ok:
            return redirect(_priorities_url(priority.unit))
    return render(
        request,
        "proposals/intake/priority_form.html",
        {"unit": priority.unit, "form": form, "new": False},
    )


def _intake_url(planning_group) -> str:
    return reverse("proposals:intake", kwargs={"unit_id": planning_group.pk})


@login_required
@require_http_methods(["GET", "POST"])
def intake(request, unit_id: int):
    planning_group = selectors.planning_group_for_intake(user=request.user, unit_id=unit_id)
    page = selectors.intake_page_for(planning_group=planning_group)
    action = request.POST.get("action")
    form = IntakeOpenForm(request.POST if action == "open" else None)
    if action == "open" and form.is_valid():
        result = call_service(
            request,
            lambda: services.intake_open(
                actor=request.user, planning_group=planning_group, closes_at=form.closes_at()
            ),
            form=form,
            success=_("The intake is open for proposals."),
        )
        if result.ok:
            return redirect(_intake_url(planning_group))
    elif request.method == "POST" and action != "open":
        if action == "close" and page.current is not None:
            call_service(
                request,
                lambda: services.intake_close(actor=request.user, intake=page.current),
                success=_("The intake is closed."),
            )
        return redirect(_intake_url(planning_group))
    return render(
        request,
        "proposals/intake/intake.html",
        {"planning_group": planning_group, "page": page, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_add(request, intake_id: int):
    intake_obj = selectors.intake_get_for_user(user=request.user, intake_id=intake_id)
    form = CriterionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.criterion_create(
                actor=request.user, intake=intake_obj, **form.cleaned_data
            ),
            form=form,
            success=_("The criterion was added."),
        )
        if result.ok:
            return redirect(_intake_url(intake_obj.planning_group))
    return render(
        request,
        "proposals/intake/criterion_form.html",
        {"planning_group": intake_obj.planning_group, "form": form, "new": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(request, criterion_id: int):
    criterion = selectors.criterion_get_for_user(user=request.user, criterion_id=criterion_id)
    form = CriterionForm(posted(request), initial=CriterionForm.initial_from(criterion))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.criterion_update(
                actor=request.user, criterion=criterion, **form.cleaned_data
            ),
            form=form,
            success=_("Your changes to the criterion were saved."),
        )
        if result.ok:
            return redirect(_intake_url(criterion.intake.planning_group))
    return render(
        request,
        "proposals/intake/criterion_form.html",
        {"planning_group": criterion.intake.planning_group, "form": form, "new": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_remove(request, criterion_id: int):
    criterion = selectors.criterion_get_for_user(user=request.user, criterion_id=criterion_id)
    planning_group = criterion.intake.planning_group
    if request.method == "POST":
        call_service(
            request,
            lambda: services.criterion_delete(actor=request.user, criterion=criterion),
            success=_("The criterion “%(name)s” was removed.") % {"name": criterion.name},
        )
        return redirect(_intake_url(planning_group))
    return render(
        request,
        "proposals/intake/criterion_remove.html",
        {"planning_group": planning_group, "criterion": criterion},
    )
