"""Learning records: a project's records (and starting one), the record (readable without
signing in when it is public), writing it, submitting it, the cluster lead's approval, return and
withdrawal, its history, and the list of records published in Wales."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from arloesi.core.forms import posted
from arloesi.core.history_pages import render_history
from arloesi.core.service_calls import call_service, refusal_items
from arloesi.learning import selectors, services
from arloesi.learning.forms.records import (
    RecordEditForm,
    RecordStartForm,
    RecordTranslationForm,
    ReturnForm,
    WithdrawForm,
)
from arloesi.learning.vocabulary import RecordStatus


def _record_url(record) -> str:
    return reverse("learning:record", kwargs={"record_id": record.pk})


@login_required
@require_http_methods(["GET", "POST"])
def project_records(request, project_id: int):
    page = selectors.project_records_page(user=request.user, project_id=project_id)
    form = None
    if page.may_write:
        form = RecordStartForm(posted(request), project=page.project, ramps=page.ramps)
    elif request.method == "POST":
        raise Http404
    if form is not None and request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.record_create(
                actor=request.user,
                project=page.project,
                ramp=form.chosen_ramp(),
                language=form.cleaned_data["language"],
                title=form.cleaned_data["title"],
            ),
            form=form,
            success=_("Your draft learning record was started."),
            patient_data=[form.cleaned_data["title"]],
        )
        if result.ok:
            return redirect("learning:record_edit", record_id=result.value.pk)
    return render(
        request,
        "learning/records/project.html",
        {"page": page, "project": page.project, "form": form},
    )


@never_cache
@require_GET
def record_detail(request, record_id: int):
    """The record: for everyone signed in once published, for anyone when public. Never kept
    by a cache (a withdrawn record must not go on being shown)."""
    try:
        page = selectors.record_page(user=request.user, record_id=record_id)
    except Http404:
        if request.user.is_authenticated:
            raise
        # Perhaps readable once signed in (published in English or Welsh only): the same answer
        # for a record that does not exist, so nothing is revealed.
        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "learning/records/record.html",
        {"page": page, "record": page.record, "refused": []},
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request, record_id: int):
    context = selectors.record_edit_context(user=request.user, record_id=record_id)
    record = context.record
    if record.status == RecordStatus.PUBLISHED:
        return _translate(request, record)
    if record.status != RecordStatus.DRAFT:
        messages.error(request, _("Only a draft learning record can be changed."))
        return redirect(_record_url(record))
    initial = RecordEditForm.initial_for(record, context.tags, context.measure_ids)
    form = RecordEditForm(
        posted(request), initial=initial, project_measures=context.project_measures
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        result = call_service(
            request,
            lambda: services.record_update(
                actor=request.user,
                record=record,
                expected_version=form.cleaned_data["expected_version"],
                tags=form.tags(),
                measure_ids=form.measure_ids(),
                **values,
            ),
            form=form,
            success=_("The learning record was saved."),
            patient_data=[v for v in values.values() if isinstance(v, str)],
        )
        if result.ok:
            return redirect(_record_url(record))
    return render(
        request,
        "learning/records/edit.html",
        {"record": record, "form": form, "translation_only": False},
    )


def _translate(request, record):
    form = RecordTranslationForm(
        posted(request), initial=RecordTranslationForm.initial_from(record)
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        result = call_service(
            request,
            lambda: services.record_update(
                actor=request.user,
                record=record,
                expected_version=form.cleaned_data["expected_version"],
                **values,
            ),
            form=form,
            success=_("The title and summary were saved."),
            patient_data=list(values.values()),
        )
        if result.ok:
            return redirect(_record_url(record))
    return render(
        request,
        "learning/records/edit.html",
        {"record": record, "form": form, "translation_only": True},
    )


@login_required
@require_POST
def record_submit(request, record_id: int):
    record = selectors.record_for_write(user=request.user, record_id=record_id)
    result = call_service(
        request,
        lambda: services.record_submit(actor=request.user, record=record),
        show_refusal=False,
        success=_("The learning record was sent to the cluster lead for approval."),
    )
    if result.ok or result.stale:
        return redirect(_record_url(record))
    page = selectors.record_page(user=request.user, record_id=record.pk)
    return render(
        request,
        "learning/records/record.html",
        {
            "page": page,
            "record": page.record,
            "refused": refusal_items(
                result.error, reverse("learning:record_edit", kwargs={"record_id": record.pk})
            ),
        },
    )


@login_required
@require_POST
def record_approve(request, record_id: int):
    record = selectors.record_for_approval(user=request.user, record_id=record_id)
    call_service(
        request,
        lambda: services.record_approve(actor=request.user, record=record),
        success=_("The learning record was published to all of Wales."),
    )
    return redirect(_record_url(record))


def _with_reason(request, record, form_class, service, template, success):
    form = form_class(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: service(actor=request.user, record=record, reason=form.cleaned_data["reason"]),
            form=form,
            success=success,
            patient_data=[form.cleaned_data["reason"]],
        )
        if result.ok:
            return redirect(_record_url(record))
    return render(request, template, {"record": record, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def record_return(request, record_id: int):
    record = selectors.record_for_approval(user=request.user, record_id=record_id)
    if record.status != RecordStatus.SUBMITTED:
        messages.error(request, _("Only a record waiting for approval can be returned."))
        return redirect(_record_url(record))
    return _with_reason(
        request,
        record,
        ReturnForm,
        services.record_return,
        "learning/records/return.html",
        _("The learning record was returned to its team."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_withdraw(request, record_id: int):
    record, access = selectors.record_get_for_user(user=request.user, record_id=record_id)
    if not access.may_withdraw:
        raise Http404
    if record.status != RecordStatus.PUBLISHED:
        messages.error(request, _("Only a published learning record can be withdrawn."))
        return redirect(_record_url(record))
    return _with_reason(
        request,
        record,
        WithdrawForm,
        services.record_withdraw,
        "learning/records/withdraw.html",
        _("The learning record was withdrawn."),
    )


@login_required
def record_history(request, record_id: int):
    page = selectors.record_history(user=request.user, record_id=record_id)
    return render_history(
        request,
        page,
        subject=selectors.shown(page.record).title,
        back_url=_record_url(page.record),
        hidden_values_note=_(
            "This shows who changed which parts of the record, and when. What was written "
            "before and after each change is shown only to the project’s team and leads, and "
            "administrators."
        ),
    )


@never_cache
@require_GET
def published(request):
    """The learning records published in Wales (the public ones for someone signed out)."""
    page = selectors.published_records(user=request.user, page_number=request.GET.get("page", 1))
    return render(request, "learning/records/list.html", {"page": page})


@login_required
@require_GET
def waiting(request):
    """The records waiting for the cluster lead's approval."""
    return render(
        request,
        "learning/records/waiting.html",
        {"records": selectors.waiting_page(user=request.user)},
    )
