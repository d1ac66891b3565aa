"""One entry: its page, its history, and the forms of those who keep its register — edit,
rescore, close or open again, review, escalate, and further actions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.forms import posted
from arloesi.core.history_pages import render_history
from arloesi.core.service_calls import call_service
from arloesi.risks import selectors, services
from arloesi.risks.forms import register as forms
from arloesi.risks.vocabulary import Status


def _entry_url(entry, anchor: str = "") -> str:
    url = reverse("risks:entry", kwargs={"entry_id": entry.pk})
    return f"{url}#{anchor}" if anchor else url


@login_required
def entry_detail(request, entry_id: int):
    entry = selectors.entry_get_for_user(user=request.user, entry_id=entry_id)
    page = selectors.entry_page(user=request.user, entry=entry)
    return render(request, "risks/entry.html", {"entry": entry, "page": page})


@login_required
def entry_history(request, entry_id: int):
    entry = selectors.entry_get_for_user(user=request.user, entry_id=entry_id)
    page = selectors.history_page(user=request.user, entry=entry)
    return render_history(
        request,
        page,
        subject=entry.title,
        back_url=_entry_url(entry),
        hidden_values_note=_(
            "This shows who changed which parts of the risk, and when. What was written "
            "before and after each change is shown only to those who keep the register, and "
            "administrators."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, entry_id: int):
    entry = selectors.entry_for_change(user=request.user, entry_id=entry_id)
    form = forms.EntryEditForm(
        posted(request),
        owners=selectors.owners_for(unit=entry.unit),
        initial=forms.EntryEditForm.initial_from(entry),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = call_service(
            request,
            lambda: services.entry_update(
                actor=request.user,
                entry=entry,
                expected_version=data["expected_version"],
                **form.values(),
            ),
            form=form,
            success=_("The risk was saved."),
            patient_data=[data["title"], data["description"], data["cause"], data["effect"]],
        )
        if result.ok:
            return redirect(_entry_url(entry))
    return render(request, "risks/entry_edit.html", {"entry": entry, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def entry_rescore(request, entry_id: int):
    entry = selectors.entry_for_change(user=request.user, entry_id=entry_id)
    form = forms.RescoreForm(
        posted(request),
        initial={
            "kind": "current",
            "consequence": entry.current_consequence,
            "likelihood": entry.current_likelihood,
            "expected_version": entry.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = call_service(
            request,
            lambda: services.entry_rescore(
                actor=request.user,
                entry=entry,
                expected_version=data["expected_version"],
                kind=data["kind"],
                consequence=data["consequence"],
                likelihood=data["likelihood"],
                reason=data["reason"],
            ),
            form=form,
            success=_("The score was changed."),
            patient_data=[data["reason"]],
        )
        if result.ok:
            return redirect(_entry_url(entry, "scores"))
    return render(request, "risks/rescore.html", {"entry": entry, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def entry_status(request, entry_id: int):
    entry = selectors.entry_for_change(user=request.user, entry_id=entry_id)
    closing = entry.status == Status.OPEN
    form = forms.StatusForm(posted(request), initial={"from_status": entry.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = call_service(
            request,
            lambda: services.entry_status_move(
                actor=request.user,
                entry=entry,
                from_status=data["from_status"],
                to_status=Status.CLOSED if data["from_status"] == Status.OPEN else Status.OPEN,
                reason=data["reason"],
            ),
            form=form,
            success=_("The risk was closed.") if closing else _("The risk was opened again."),
            patient_data=[data["reason"]],
        )
        if result.ok:
            return redirect(_entry_url(entry))
    return render(request, "risks/status.html", {"entry": entry, "form": form, "closing": closing})


@login_required
@require_http_methods(["GET", "POST"])
def entry_review(request, entry_id: int):
    entry = selectors.entry_for_change(user=request.user, entry_id=entry_id)
    form = forms.ReviewForm(posted(request), initial={"expected_version": entry.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = call_service(
            request,
            lambda: services.entry_review(
                actor=request.user,
                entry=entry,
                expected_version=data["expected_version"],
                note=data["note"],
            ),
            form=form,
            success=_("The review was recorded."),
            patient_data=[data["note"]],
        )
        if result.ok:
            return redirect(_entry_url(entry))
    return render(request, "risks/review.html", {"entry": entry, "form": form})


@login_required
@require_POST
def entry_escalate(request, entry_id: int):
    entry = selectors.entry_for_change(user=request.user, entry_id=entry_id)
    call_service(
        request,
        lambda: services.entry_escalate(actor=request.user, entry=entry),
        success=_("The risk was escalated to the next level’s register."),
    )
    return redirect(_entry_url(entry, "escalation"))


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request, entry_id: int):
    entry = selectors.entry_for_change(user=request.user, entry_id=entry_id)
    form = forms.ActionForm(posted(request), owners=selectors.owners_for(unit=entry.unit))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = call_service(
            request,
            lambda: services.action_add(
                actor=request.user,
                entry=entry,
                text=data["text"],
                owner=form.chosen_owner(),
                due_on=data["due_on"],
            ),
            form=form,
            success=_("The action was added."),
            patient_data=[data["text"]],
        )
        if result.ok:
            return redirect(_entry_url(entry, "actions"))
    return render(request, "risks/action_add.html", {"entry": entry, "form": form})


@login_required
@require_POST
def action_done(request, entry_id: int, action_id: int):
    entry = selectors.entry_for_change(user=request.user, entry_id=entry_id)
    action = selectors.action_of(entry=entry, action_id=action_id)
    form = forms.ActionDoneForm(request.POST)
    if form.is_valid():
        done = form.cleaned_data["done"] == "yes"
        call_service(
            request,
            lambda: services.action_done(
                actor=request.user,
                action=action,
                expected_version=form.cleaned_data["expected_version"],
                done=done,
            ),
            success=_("The action is marked as done.")
            if done
            else _("The action is marked as not done."),
        )
    return redirect(_entry_url(entry, "actions"))
