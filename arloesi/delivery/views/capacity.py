"""Capacity pages: "My capacity" (a person's hours and absences), a cluster's demand against
capacity, and a health board's offer of capacity to a cluster."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.service_calls import call_service
from arloesi.delivery import selectors, services
from arloesi.delivery.forms import capacity as forms


def _posted(request, prefix: str):
    if request.method == "POST" and request.POST.get("form") == prefix:
        return request.POST
    return None


@login_required
@require_http_methods(["GET", "POST"])
def my_capacity(request):
    page = selectors.my_capacity_page(user=request.user)
    declaration = forms.DeclarationForm(
        _posted(request, "declaration"), clusters=page.clusters, skills=page.skills
    )
    absence = forms.AbsenceForm(_posted(request, "absence"))
    if declaration.is_bound and declaration.is_valid():
        result = call_service(
            request,
            lambda: services.declaration_add(actor=request.user, **declaration.values()),
            form=declaration,
            success=_("Your capacity was added."),
        )
        if result.ok:
            return redirect("delivery:my_capacity")
    if absence.is_bound and absence.is_valid():
        result = call_service(
            request,
            lambda: services.absence_add(actor=request.user, **absence.cleaned_data),
            form=absence,
            success=_("Your absence was added."),
            patient_data=[absence.cleaned_data["note"]],
        )
        if result.ok:
            return redirect("delivery:my_capacity")
    return render(
        request,
        "delivery/capacity/mine.html",
        {"page": page, "declaration_form": declaration, "absence_form": absence},
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration_edit(request, declaration_id: int):
    declaration = selectors.declaration_of(user=request.user, declaration_id=declaration_id)
    form = forms.DeclarationEditForm(
        request.POST if request.method == "POST" else None,
        initial=forms.DeclarationEditForm.initial_for(declaration),
        skills=selectors.skills_in_use(),
    )
    back = selectors.declaration_back_url(declaration=declaration)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.declaration_update(
                actor=request.user,
                declaration=declaration,
                expected_version=form.cleaned_data["expected_version"],
                **form.values(),
            ),
            form=form,
            success=_("The hours were saved."),
        )
        if result.ok:
            return redirect(back)
    return render(
        request,
        "delivery/capacity/declaration.html",
        {"form": form, "declaration": declaration, "back_url": back},
    )


@login_required
@require_POST
def declaration_remove(request, declaration_id: int):
    declaration = selectors.declaration_of(user=request.user, declaration_id=declaration_id)
    call_service(
        request,
        lambda: services.declaration_remove(actor=request.user, declaration=declaration),
        success=_("The capacity was removed."),
    )
    return redirect("delivery:my_capacity")


@login_required
@require_POST
def absence_remove(request, absence_id: int):
    absence = selectors.absence_of(user=request.user, absence_id=absence_id)
    call_service(
        request,
        lambda: services.absence_remove(actor=request.user, absence=absence),
        success=_("The absence was removed."),
    )
    return redirect("delivery:my_capacity")


@login_required
def cluster_capacity(request, unit_id: int):
    cluster = selectors.cluster_get_for_user(user=request.user, unit_id=unit_id)
    period = selectors.period_from(request.GET)
    page = selectors.capacity_page(user=request.user, cluster=cluster, period=period)
    return render(request, "delivery/capacity/cluster.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def offer_add(request, unit_id: int):
    cluster, health_board = selectors.cluster_for_offer(user=request.user, unit_id=unit_id)
    form = forms.OfferForm(
        request.POST if request.method == "POST" else None,
        skills=selectors.skills_in_use(),
        priorities=selectors.priorities_for(cluster=cluster),
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.offer_add(
                actor=request.user, health_board=health_board, cluster=cluster, **form.values()
            ),
            form=form,
            success=_("The capacity was offered to the cluster."),
            patient_data=[form.cleaned_data["note"]],
        )
        if result.ok:
            return redirect("delivery:capacity", unit_id=cluster.pk)
    return render(
        request,
        "delivery/capacity/offer.html",
        {"form": form, "cluster": cluster, "health_board": health_board},
    )


@login_required
@require_POST
def offer_withdraw(request, offer_id: int):
    offer = selectors.offer_of(user=request.user, offer_id=offer_id)
    call_service(
        request,
        lambda: services.offer_withdraw(actor=request.user, offer=offer),
        success=_("The offer was withdrawn."),
    )
    return redirect("delivery:capacity", unit_id=offer.cluster_id)
