"""Task pages: a cluster's task board, a change idea's tasks, and the forms the cluster's planners
use — add, change, move and remove a task."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.forms import posted
from arloesi.core.history_pages import render_history
from arloesi.core.service_calls import call_service
from arloesi.delivery import selectors, services
from arloesi.delivery.forms import tasks as forms


def _change_idea_url(task) -> str:
    return reverse("delivery:change_idea_tasks", kwargs={"node_id": task.change_idea_id})


@login_required
def board(request, unit_id: int):
    cluster = selectors.cluster_get_for_user(user=request.user, unit_id=unit_id)
    filters = selectors.board_filters(request.GET)
    page = selectors.board_page(user=request.user, cluster=cluster, filters=filters)
    return render(request, "delivery/tasks/board.html", {"page": page})


@login_required
def change_idea_tasks(request, node_id: int):
    node, project, cluster = selectors.change_idea_get_for_user(user=request.user, node_id=node_id)
    page = selectors.change_idea_page(
        user=request.user, change_idea=node, project=project, cluster=cluster
    )
    return render(request, "delivery/tasks/change_idea.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def task_add(request, node_id: int):
    node, _project, cluster = selectors.change_idea_for_planning(user=request.user, node_id=node_id)
    lists = selectors.task_form_choices(cluster=cluster, change_idea=node)
    form = forms.TaskForm(
        posted(request), initial={"expected_benefit": "3", "expected_version": 1}, **vars(lists)
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        result = call_service(
            request,
            lambda: services.task_create(
                actor=request.user, cluster=cluster, change_idea=node, **values
            ),
            form=form,
            success=_("The task was added."),
            patient_data=[form.cleaned_data["title"], form.cleaned_data["description"]],
        )
        if result.ok:
            return redirect("delivery:change_idea_tasks", node_id=node.pk)
    return render(
        request,
        "delivery/tasks/task.html",
        {"form": form, "change_idea": node, "cluster": cluster, "task": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request, task_id: int):
    task = selectors.task_for_change(user=request.user, task_id=task_id)
    lists = selectors.task_form_choices(
        cluster=task.cluster, change_idea=task.change_idea, task=task
    )
    editing = selectors.task_editing(task=task)
    initial = forms.TaskForm.initial_for(task, **vars(editing))
    form = forms.TaskForm(posted(request), initial=initial, **vars(lists))
    if request.method == "POST" and form.is_valid():
        values = form.values()
        result = call_service(
            request,
            lambda: services.task_update(
                actor=request.user,
                task=task,
                expected_version=form.cleaned_data["expected_version"],
                **values,
            ),
            form=form,
            success=_("The task was saved."),
            patient_data=[form.cleaned_data["title"], form.cleaned_data["description"]],
        )
        if result.ok:
            return redirect(_change_idea_url(task))
    return render(
        request,
        "delivery/tasks/task.html",
        {"form": form, "change_idea": task.change_idea, "cluster": task.cluster, "task": task},
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_status(request, task_id: int):
    task = selectors.task_for_move(user=request.user, task_id=task_id)
    form = forms.TaskStatusForm(posted(request), initial={"from_status": task.status})
    form.fields["to_status"].choices = selectors.next_statuses(task=task)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["from_status"] != task.status:
            form.add_error(None, _("Someone has moved this task since you opened the page."))
        else:
            result = call_service(
                request,
                lambda: services.task_status_move(
                    actor=request.user,
                    task=task,
                    to_status=form.cleaned_data["to_status"],
                    reason=form.cleaned_data["reason"],
                ),
                form=form,
                success=_("The task was moved."),
                patient_data=[form.cleaned_data["reason"]],
            )
            if result.ok:
                return redirect(_change_idea_url(task))
    return render(request, "delivery/tasks/status.html", {"form": form, "task": task})


@login_required
@require_POST
def task_remove(request, task_id: int):
    task = selectors.task_for_change(user=request.user, task_id=task_id)
    call_service(
        request,
        lambda: services.task_remove(actor=request.user, task=task),
        success=_("The task “%(title)s” was removed.") % {"title": task.title},
    )
    return redirect(_change_idea_url(task))


@login_required
def task_history(request, task_id: int):
    page = selectors.task_history_page(user=request.user, task_id=task_id)
    return render_history(
        request,
        page,
        subject=page.task.title,
        back_url=_change_idea_url(page.task),
        hidden_values_note=_(
            "This shows who changed which parts of the task, and when. What was written "
            "before and after each change is shown only to the cluster’s planners and "
            "administrators."
        ),
    )
