"""The resources library: read by anyone, kept by the national team (add, change, move up or
down, take out of the library and bring back)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.learning import selectors, services
from arloesi.learning.forms.resources import ResourceForm


@never_cache
@require_GET
def library(request):
    page = selectors.library_page(user=request.user)
    return render(request, "learning/resources/library.html", {"page": page})


def _library(resource=None):
    target = redirect("learning:resources")
    if resource is not None:
        target["Location"] += f"#resource-{resource.pk}"
    return target


@login_required
@require_http_methods(["GET", "POST"])
def resource_add(request):
    selectors.require_curator(user=request.user)
    form = ResourceForm(posted(request), new=True, initial={"topic": request.GET.get("topic")})
    if request.method == "POST" and form.is_valid():
        values = form.values()
        result = call_service(
            request,
            lambda: services.resource_create(actor=request.user, **values),
            form=form,
            success=_("The resource was added to the library."),
        )
        if result.ok:
            return _library(result.value)
    return render(request, "learning/resources/form.html", {"form": form, "resource": None})


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request, resource_id: int):
    resource = selectors.resource_for_curation(user=request.user, resource_id=resource_id)
    form = ResourceForm(posted(request), initial=ResourceForm.initial_from(resource))
    if request.method == "POST" and form.is_valid():
        values = form.values()
        result = call_service(
            request,
            lambda: services.resource_update(
                actor=request.user,
                resource=resource,
                expected_version=form.cleaned_data["expected_version"],
                **values,
            ),
            form=form,
            success=_("The resource was saved."),
        )
        if result.ok:
            return _library(result.value)
    return render(request, "learning/resources/form.html", {"form": form, "resource": resource})


@login_required
@require_POST
def resource_move(request, resource_id: int):
    resource = selectors.resource_for_curation(user=request.user, resource_id=resource_id)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        raise Http404
    call_service(
        request,
        lambda: services.resource_move(actor=request.user, resource=resource, up=direction == "up"),
        success=_("The resource was moved."),
    )
    return _library(resource)


@login_required
@require_POST
def resource_publish(request, resource_id: int):
    resource = selectors.resource_for_curation(user=request.user, resource_id=resource_id)
    published = request.POST.get("published") == "yes"
    call_service(
        request,
        lambda: services.resource_publish_set(
            actor=request.user, resource=resource, published=published
        ),
        success=_("The resource is back in the library.")
        if published
        else _("The resource was taken out of the library."),
    )
    return _library(resource)
