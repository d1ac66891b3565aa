"""A cluster's delivery groups: the list, and the form its planners make a group with."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.service_calls import call_service
from arloesi.delivery import selectors, services
from arloesi.delivery.forms import capacity as forms


@login_required
@require_http_methods(["GET", "POST"])
def groups(request, unit_id: int):
    cluster = selectors.cluster_get_for_user(user=request.user, unit_id=unit_id)
    page = selectors.groups_page(user=request.user, cluster=cluster)
    form = forms.GroupForm(
        request.POST if request.method == "POST" and page.can_manage else None,
        people=page.people,
    )
    if form.is_bound and form.is_valid():
        result = call_service(
            request,
            lambda: services.group_create(actor=request.user, cluster=cluster, **form.values()),
            form=form,
            success=_("The group was added."),
        )
        if result.ok:
            return redirect("delivery:groups", unit_id=cluster.pk)
    return render(request, "delivery/groups/list.html", {"page": page, "form": form})
