"""Cycles of change: a PDSA cycle's worksheet and each of its four parts, planning a cycle (alone,
in a ramp, or the next of a ramp), a ramp with its cycles, and a project's ramps and cycles."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.projects import selectors, services
from arloesi.projects.forms import cycles as forms


def _texts(form) -> list[str]:
    return [value for value in form.cleaned_data.values() if isinstance(value, str)]


@login_required
def cycle_detail(request, cycle_id: int):
    cycle = selectors.cycle_get_for_user(user=request.user, cycle_id=cycle_id)
    return render(
        request,
        "projects/cycles/detail.html",
        {
            "cycle": cycle,
            "page": selectors.cycle_page(user=request.user, cycle=cycle),
            "titles": forms.SECTION_TITLES,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cycle_section(request, cycle_id: int, section: str):
    if section not in forms.SECTION_FORMS:
        raise Http404
    cycle = selectors.cycle_for_change(user=request.user, cycle_id=cycle_id)
    form_class = forms.SECTION_FORMS[section]
    options = {"team": selectors.cycle_leaders_of(cycle.project)} if section == "plan" else {}
    form = form_class(posted(request), initial=form_class.initial_from(cycle), **options)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.cycle_section_save(
                actor=request.user,
                cycle=cycle,
                section=section,
                expected_version=form.cleaned_data["expected_version"],
                values=form.values(),
            ),
            form=form,
            success=_("“%(section)s” has been saved.") % {"section": forms.SECTION_TITLES[section]},
            patient_data=_texts(form),
        )
        if result.ok:
            return redirect("projects:cycle", cycle_id=cycle.pk)
    return render(
        request,
        "projects/cycles/section.html",
        {"cycle": cycle, "form": form, "section": section, "title": forms.SECTION_TITLES[section]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def cycle_new(request, project_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    ramp = selectors.ramp_for_change(project=project, ramp_id=request.GET.get("ramp"))
    form = forms.CycleNewForm(
        posted(request),
        team=selectors.cycle_leaders_of(project),
        ramps=selectors.ramps_of(project),
        initial={"ramp": str(ramp.pk) if ramp else forms.NO_RAMP},
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.cycle_plan(
                actor=request.user, project=project, ramp=form.chosen_ramp(), **form.values()
            ),
            form=form,
            success=_("The PDSA cycle has been planned."),
            patient_data=_texts(form),
        )
        if result.ok:
            return redirect("projects:cycle", cycle_id=result.value.pk)
    return render(
        request, "projects/cycles/new.html", {"project": project, "form": form, "after": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def cycle_next(request, cycle_id: int):
    """Plan the next cycle of a ramp, filled in from the one just completed."""
    cycle = selectors.cycle_for_change(user=request.user, cycle_id=cycle_id)
    if not selectors.next_cycle_possible(cycle):
        raise Http404
    form = forms.CycleNewForm(
        posted(request),
        team=selectors.cycle_leaders_of(cycle.project),
        initial=selectors.next_cycle_initial(cycle),
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.cycle_next_plan(actor=request.user, cycle=cycle, **form.values()),
            form=form,
            success=_("The next PDSA cycle has been planned."),
            patient_data=_texts(form),
        )
        if result.ok:
            return redirect("projects:cycle", cycle_id=result.value.pk)
    return render(
        request,
        "projects/cycles/new.html",
        {"project": cycle.project, "form": form, "after": cycle},
    )


@login_required
def cycle_list(request, project_id: int):
    project = selectors.project_get_for_user(user=request.user, project_id=project_id)
    return render(
        request,
        "projects/cycles/list.html",
        {"page": selectors.cycles_page(user=request.user, project=project)},
    )


@login_required
def ramp_detail(request, ramp_id: int):
    ramp = selectors.ramp_get_for_user(user=request.user, ramp_id=ramp_id)
    return render(
        request,
        "projects/cycles/ramp.html",
        {"page": selectors.ramp_page(user=request.user, ramp=ramp)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ramp_new(request, project_id: int):
    project = selectors.project_for_change(user=request.user, project_id=project_id)
    form = forms.RampStartForm(posted(request), change_ideas=selectors.change_ideas_of(project))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.ramp_start(actor=request.user, project=project, **form.values()),
            form=form,
            success=_("The ramp has been started: plan its first cycle."),
            patient_data=_texts(form),
        )
        if result.ok:
            return redirect("projects:ramp", ramp_id=result.value.pk)
    return render(request, "projects/cycles/ramp_new.html", {"project": project, "form": form})
