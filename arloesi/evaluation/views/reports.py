"""Evaluation reports: starting one, the report (on screen and as a PDF), writing the draft,
issuing it, withdrawing it, and its history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core import pdf
from arloesi.core.forms import posted
from arloesi.core.history_pages import render_history
from arloesi.core.service_calls import call_service, refusal_items
from arloesi.evaluation import selectors, services
from arloesi.evaluation.forms.reports import ReportAddForm, ReportEditForm, WithdrawForm
from arloesi.evaluation.vocabulary import ReportStatus
from arloesi.proposals.workflow import EvaluationApproach


def _report_url(report, anchor: str = "") -> str:
    url = reverse("evaluation:report", kwargs={"report_id": report.pk})
    return f"{url}#{anchor}" if anchor else url


def _render_report(request, page, refused=()):
    return render(
        request,
        "evaluation/report.html",
        {
            "page": page,
            "report": page.report,
            "project": page.project,
            "refused": list(refused),
            "approaches": dict(EvaluationApproach.choices),
            "printed": False,
        },
    )


@login_required
def report_detail(request, report_id: int):
    return _render_report(request, selectors.report_page(user=request.user, report_id=report_id))


@login_required
@require_http_methods(["GET", "POST"])
def report_add(request, project_id: int):
    project, _may_change = selectors.project_for_evaluation(
        user=request.user, project_id=project_id, change=True
    )
    form = ReportAddForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.report_create(
                actor=request.user, project=project, **form.cleaned_data
            ),
            form=form,
            success=_("Your draft report was started."),
            patient_data=[form.cleaned_data["title"]],
        )
        if result.ok:
            return redirect("evaluation:report_edit", report_id=result.value.pk)
    return render(request, "evaluation/report_add.html", {"project": project, "form": form})


def _not_a_draft(request, report):
    messages.error(
        request, _("This report is no longer a draft: an issued report is never changed.")
    )
    return redirect(_report_url(report))


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, report_id: int):
    report = selectors.report_for_change(user=request.user, report_id=report_id)
    if report.status != ReportStatus.DRAFT:
        return _not_a_draft(request, report)
    form = ReportEditForm(
        posted(request), kind=report.kind, initial=ReportEditForm.initial_from(report)
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        result = call_service(
            request,
            lambda: services.report_update(
                actor=request.user,
                report=report,
                expected_version=form.cleaned_data["expected_version"],
                **values,
            ),
            form=form,
            success=_("The report was saved."),
            patient_data=[value for value in values.values() if isinstance(value, str)],
        )
        if result.ok:
            return redirect(_report_url(report))
    return render(
        request,
        "evaluation/report_edit.html",
        {"report": report, "project": report.project, "form": form},
    )


@login_required
@require_POST
def report_issue(request, report_id: int):
    report = selectors.report_for_change(user=request.user, report_id=report_id)
    result = call_service(
        request,
        lambda: services.report_issue(actor=request.user, report=report),
        show_refusal=False,
        success=_("The report was issued. It is now the record, and the dashboards count it."),
    )
    if result.ok or result.stale:
        return redirect(_report_url(report))
    page = selectors.report_page(user=request.user, report_id=report.pk)
    return _render_report(
        request,
        page,
        refused=refusal_items(
            result.error, reverse("evaluation:report_edit", kwargs={"report_id": report.pk})
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_withdraw(request, report_id: int):
    report = selectors.report_for_change(user=request.user, report_id=report_id)
    if report.status != ReportStatus.ISSUED:
        messages.error(request, _("Only an issued report can be withdrawn."))
        return redirect(_report_url(report))
    form = WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.report_withdraw(
                actor=request.user, report=report, reason=form.cleaned_data["reason"]
            ),
            form=form,
            success=_("The report was withdrawn."),
            patient_data=[form.cleaned_data["reason"]],
        )
        if result.ok:
            return redirect(_report_url(report))
    return render(
        request,
        "evaluation/report_withdraw.html",
        {"report": report, "project": report.project, "form": form},
    )


@login_required
def report_pdf(request, report_id: int):
    page = selectors.report_page(user=request.user, report_id=report_id, printed=True)
    return pdf.pdf_response(
        "evaluation/report_print.html",
        {
            "page": page,
            "report": page.report,
            "approaches": dict(EvaluationApproach.choices),
            "printed": True,
        },
        filename=f"evaluation-report-{page.report.pk}",
        request=request,
        actor=request.user,
        subject=page.report,
    )


@login_required
def report_history(request, report_id: int):
    page = selectors.report_history(user=request.user, report_id=report_id)
    return render_history(
        request,
        page,
        subject=page.report.title,
        back_url=_report_url(page.report),
        hidden_values_note=_(
            "This shows who changed which parts of the report, and when. What was written "
            "before and after each change is shown only to the project’s team and leads, and "
            "administrators."
        ),
    )
