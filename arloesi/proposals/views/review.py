"""Review pages: local priorities, the intake and its criteria, reviewers, scores, the ranked
queue, the chair's summary and decision, and the exports. A view parses, calls one selector or
service, renders. Anything out of the reader's reach is a 404, so ids reveal nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from arloesi.core import audit, exports
from arloesi.core.exports import Column
from arloesi.core.forms import add_service_errors, warn_if_patient_data
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.proposals import selectors_review, services
from arloesi.proposals.forms.review import (
    AssignReviewerForm,
    CriterionForm,
    DecisionForm,
    DeclarationForm,
    IntakeOpenForm,
    NoteForm,
    PriorityForm,
    ScoresForm,
)
from arloesi.proposals.workflow import Status

EXPORT_FORMATS = frozenset(exports.CONTENT_TYPES)
ALREADY_CHANGED = gettext_lazy(
    "Someone else changed this proposal while you were looking at it: check it again below."
)


# --- The chooser ------------------------------------------------------------------------------


@login_required
def review_home(request):
    home = selectors_review.review_home_for(request.user)
    if not (home.planning_groups or home.clusters or home.can_review):
        raise Http404
    return render(request, "proposals/review/home.html", {"home": home})


# --- Local priorities -------------------------------------------------------------------------


@login_required
def priorities(request, unit_id: int):
    unit = selectors_review.unit_for_priorities(request.user, unit_id=unit_id)
    return render(
        request,
        "proposals/review/priorities.html",
        {
            "unit": unit,
            "priorities": selectors_review.priority_list_for_unit(unit=unit),
            "today": timezone.localdate(),
        },
    )


def _priorities_url(unit) -> str:
    return reverse("proposals:priorities", kwargs={"unit_id": unit.pk})


@login_required
@require_http_methods(["GET", "POST"])
def priority_add(request, unit_id: int):
    unit = selectors_review.unit_for_priorities(request.user, unit_id=unit_id)
    form = PriorityForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            priority = services.priority_create(actor=request.user, unit=unit, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The priority “%(title)s” was added.") % {"title": priority.title}
            )
            return redirect(_priorities_url(unit))
    return render(
        request, "proposals/review/priority_form.html", {"unit": unit, "form": form, "new": True}
    )


@login_required
@require_http_methods(["GET", "POST"])
def priority_edit(request, priority_id: int):
    priority = selectors_review.priority_get_for_user(request.user, priority_id=priority_id)
    initial = {name: getattr(priority, name) for name in PriorityForm.base_fields}
    form = PriorityForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_update(actor=request.user, priority=priority, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes to the priority were saved."))
            return redirect(_priorities_url(priority.unit))
    return render(
        request,
        "proposals/review/priority_form.html",
        {"unit": priority.unit, "form": form, "new": False},
    )


# --- Intake and criteria ----------------------------------------------------------------------


def _intake_url(planning_group) -> str:
    return reverse("proposals:intake", kwargs={"unit_id": planning_group.pk})


@login_required
@require_http_methods(["GET", "POST"])
def intake(request, unit_id: int):
    planning_group = selectors_review.planning_group_for_intake(request.user, unit_id=unit_id)
    page = selectors_review.intake_page_for(planning_group=planning_group)
    form = IntakeOpenForm(request.POST if request.POST.get("action") == "open" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "open" and form.is_valid():
                services.intake_open(
                    actor=request.user, planning_group=planning_group, closes_at=form.closes_at()
                )
                messages.success(request, _("The intake is open for proposals."))
                return redirect(_intake_url(planning_group))
            if action == "close" and page.current is not None:
                services.intake_close(actor=request.user, intake=page.current)
                messages.success(request, _("The intake is closed."))
                return redirect(_intake_url(planning_group))
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        if action != "open":
            return redirect(_intake_url(planning_group))
    return render(
        request,
        "proposals/review/intake.html",
        {"planning_group": planning_group, "page": page, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_add(request, intake_id: int):
    intake_obj = selectors_review.intake_get_for_user(request.user, intake_id=intake_id)
    form = CriterionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_create(actor=request.user, intake=intake_obj, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The criterion was added."))
            return redirect(_intake_url(intake_obj.planning_group))
    return render(
        request,
        "proposals/review/criterion_form.html",
        {"planning_group": intake_obj.planning_group, "form": form, "new": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(request, criterion_id: int):
    criterion = selectors_review.criterion_get_for_user(request.user, criterion_id=criterion_id)
    form = CriterionForm(
        request.POST or None,
        initial={
            "name_en": criterion.name_en,
            "name_cy": criterion.name_cy,
            "weight": criterion.weight,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_update(actor=request.user, criterion=criterion, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes to the criterion were saved."))
            return redirect(_intake_url(criterion.intake.planning_group))
    return render(
        request,
        "proposals/review/criterion_form.html",
        {"planning_group": criterion.intake.planning_group, "form": form, "new": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_remove(request, criterion_id: int):
    criterion = selectors_review.criterion_get_for_user(request.user, criterion_id=criterion_id)
    planning_group = criterion.intake.planning_group
    if request.method == "POST":
        try:
            services.criterion_delete(actor=request.user, criterion=criterion)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The criterion “%(name)s” was removed.") % {"name": criterion.name}
            )
        return redirect(_intake_url(planning_group))
    return render(
        request,
        "proposals/review/criterion_remove.html",
        {"planning_group": planning_group, "criterion": criterion},
    )


# --- The ranked queue and the exports ---------------------------------------------------------


def _score(value) -> float | None:
    return None if value is None else round(value, 2)


QUEUE_COLUMNS = [
    Column(gettext_lazy("Rank"), lambda row: row.entry.rank),
    Column(gettext_lazy("Title"), lambda row: row.proposal.title),
    Column(gettext_lazy("Lead collaborative"), lambda row: row.proposal.lead_collaborative.name),
    Column(
        gettext_lazy("Cross-boundary"),
        lambda row: _("Yes") if row.proposal.is_cross_boundary else _("No"),
    ),
    Column(gettext_lazy("Status"), lambda row: row.proposal.get_status_display()),
    Column(
        gettext_lazy("Reviewers who scored"),
        lambda row: row.entry.summary.reviewers_complete,
    ),
    Column(gettext_lazy("Reviewers assigned"), lambda row: row.entry.reviewers_assigned),
    Column(
        gettext_lazy("Weighted score"),
        lambda row: None if row.is_own else _score(row.entry.summary.weighted_score),
    ),
    Column(
        gettext_lazy("Spread"),
        lambda row: None if row.is_own else _score(row.entry.summary.spread),
    ),
]

DECISION_COLUMNS = [
    Column(gettext_lazy("Title"), lambda d: d.proposal.title),
    Column(gettext_lazy("Lead collaborative"), lambda d: d.proposal.lead_collaborative.name),
    Column(gettext_lazy("Decision"), lambda d: d.get_outcome_display()),
    Column(gettext_lazy("Decided on"), lambda d: timezone.localtime(d.decided_at).date()),
    Column(gettext_lazy("Decided by"), lambda d: d.decided_by.full_name),
    Column(gettext_lazy("Reasons for the decision"), lambda d: d.rationale),
    Column(gettext_lazy("Conditions"), lambda d: d.conditions),
    Column(gettext_lazy("Feedback for the authors"), lambda d: d.feedback),
    Column(gettext_lazy("Meeting"), lambda d: d.meeting_reference),
    Column(gettext_lazy("Meeting date"), lambda d: d.meeting_date),
]


@login_required
def queue(request, unit_id: int):
    planning_group = selectors_review.planning_group_for_chair(request.user, unit_id=unit_id)
    return render(
        request,
        "proposals/review/queue.html",
        {
            "planning_group": planning_group,
            "page": selectors_review.queue_page_for(request.user, planning_group=planning_group),
        },
    )


def _export_name(kind: str, planning_group) -> str:
    """A file name safe in a header and as a spreadsheet's sheet title."""
    return f"{kind}-{slugify(planning_group.code) or planning_group.pk}"


@login_required
def queue_export(request, unit_id: int, file_format: str):
    planning_group = selectors_review.planning_group_for_chair(request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    rows = selectors_review.queue_for(request.user, planning_group=planning_group)
    return exports.download(
        QUEUE_COLUMNS,
        rows,
        file_format=file_format,
        filename=_export_name("review-queue", planning_group),
    )


@login_required
def decisions_export(request, unit_id: int, file_format: str):
    planning_group = selectors_review.planning_group_for_chair(request.user, unit_id=unit_id)
    if file_format not in EXPORT_FORMATS:
        raise Http404
    decisions = selectors_review.decisions_for(request.user, planning_group=planning_group)
    return exports.download(
        DECISION_COLUMNS,
        decisions,
        file_format=file_format,
        filename=_export_name("decisions", planning_group),
    )


# --- The chair's pages about one proposal -----------------------------------------------------


def _summary_url(proposal) -> str:
    return reverse("proposals:review_summary", kwargs={"proposal_id": proposal.pk})


@login_required
@require_http_methods(["GET", "POST"])
def reviewers(request, proposal_id: int):
    proposal = selectors_review.proposal_for_chair(request.user, proposal_id=proposal_id)
    candidates = selectors_review.reviewer_candidates(proposal=proposal)
    form = AssignReviewerForm(
        request.POST if request.method == "POST" else None, candidates=candidates
    )
    if request.method == "POST" and form.is_valid():
        person = form.person()
        try:
            services.reviewer_assign(actor=request.user, proposal=proposal, reviewer=person)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now a reviewer of this proposal.") % {"name": person.full_name},
            )
            return redirect(reverse("proposals:reviewers", kwargs={"proposal_id": proposal.pk}))
    return render(
        request,
        "proposals/review/reviewers.html",
        {
            "proposal": proposal,
            "assignments": selectors_review.assignments_of(proposal),
            "form": form,
            "can_assign": proposal.status in (Status.UNDER_REVIEW, Status.DEFERRED),
        },
    )


@login_required
def review_summary(request, proposal_id: int):
    proposal = selectors_review.proposal_for_chair(request.user, proposal_id=proposal_id)
    return render(
        request,
        "proposals/review/summary.html",
        {
            "proposal": proposal,
            "page": selectors_review.review_summary_for(request.user, proposal=proposal),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision(request, proposal_id: int):
    proposal = selectors_review.proposal_for_chair(request.user, proposal_id=proposal_id)
    action = request.POST.get("action", "decide")
    form = DecisionForm(request.POST if action == "decide" else None)
    if request.method == "POST":
        try:
            if action == "reopen" and proposal.status == Status.DEFERRED:
                services.proposal_reopen(actor=request.user, proposal=proposal)
                messages.success(request, _("The proposal is under review again."))
                return redirect(_summary_url(proposal))
            if action == "decide" and form.is_valid():
                data = form.cleaned_data
                recorded = services.decision_record(actor=request.user, proposal=proposal, **data)
                warn_if_patient_data(
                    request, data["rationale"], data["conditions"], data["feedback"]
                )
                messages.success(
                    request,
                    _("The decision “%(decision)s” was recorded. The authors can now see it.")
                    % {"decision": recorded.get_outcome_display()},
                )
                return redirect(_summary_url(proposal))
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        except (TransitionNotAllowedError, audit.ConcurrentEditError):
            messages.error(request, ALREADY_CHANGED)
            return redirect(reverse("proposals:decision", kwargs={"proposal_id": proposal.pk}))
    return render(
        request,
        "proposals/review/decision.html",
        {
            "proposal": proposal,
            "form": form,
            "can_decide": proposal.status == Status.UNDER_REVIEW,
            "can_reopen": proposal.status == Status.DEFERRED,
            "decisions": list(proposal.decisions.select_related("decided_by")),
        },
    )


# --- Reviewers' pages -------------------------------------------------------------------------


@login_required
def assignments(request):
    return render(
        request,
        "proposals/review/assignments.html",
        {"assignments": list(selectors_review.assignment_list_for(request.user))},
    )


def _record_scores(*, actor, assignment, form: ScoresForm) -> None:
    """Every criterion's score in one go: all are saved, or none is."""
    with transaction.atomic():
        for criterion, value, comment in form.scored():
            services.score_record(
                actor=actor,
                assignment=assignment,
                criterion=criterion,
                value=value,
                comment=comment,
            )


@login_required
@require_http_methods(["GET", "POST"])
def review(request, assignment_id: int):
    page = selectors_review.review_page_for(request.user, assignment_id=assignment_id)
    action = request.POST.get("action")
    declaration_form = DeclarationForm(request.POST if action == "declare" else None)
    scores_form = ScoresForm(
        request.POST if action == "score" else None, criteria=page.criteria, scores=page.scores
    )
    note_form = NoteForm(request.POST if action == "note" else None)
    here = reverse("proposals:review", kwargs={"assignment_id": page.assignment.pk})
    if request.method == "POST":
        user, assignment = request.user, page.assignment
        if action not in ("declare", "score", "note") or (action == "declare" and page.declared):
            return redirect(here)
        if action == "score" and not page.can_score:
            messages.error(request, _("You cannot score this proposal now."))
            return redirect(here)
        try:
            if action == "declare" and declaration_form.is_valid():
                data = declaration_form.cleaned_data
                services.conflict_declare(
                    actor=user,
                    assignment=assignment,
                    has_conflict=data["has_conflict"],
                    details=data["details"],
                )
                messages.success(
                    request,
                    _("Your conflict of interest was recorded. You will not score this proposal.")
                    if data["has_conflict"]
                    else _("Your declaration was recorded. You can now score the proposal."),
                )
                return redirect(here)
            if action == "score" and scores_form.is_valid():
                _record_scores(actor=user, assignment=assignment, form=scores_form)
                warn_if_patient_data(
                    request, *(comment for _c, _v, comment in scores_form.scored())
                )
                messages.success(request, _("Your scores were saved."))
                return redirect(here)
            if action == "note" and note_form.is_valid():
                services.review_note_add(
                    actor=user, assignment=assignment, text=note_form.cleaned_data["text"]
                )
                warn_if_patient_data(request, note_form.cleaned_data["text"])
                messages.success(request, _("Your private note was saved."))
                return redirect(here + "#notes")
        except PermissionDenied as refusal:
            messages.error(request, " ".join(str(arg) for arg in refusal.args) or ALREADY_CHANGED)
            return redirect(here)
        except ValidationError as error:
            form = {"declare": declaration_form, "score": scores_form}.get(action, note_form)
            add_service_errors(form, error)
    form = {"declare": declaration_form, "score": scores_form, "note": note_form}.get(action)
    return render(
        request,
        "proposals/review/review.html",
        {
            "page": page,
            "declaration_form": declaration_form,
            "scores_form": scores_form,
            "note_form": note_form,
            # The page title starts "Error:" when the form just sent has problems.
            "form": form,
        },
    )
