"""Review: reviewers' own pages (declare interests, score, private notes) and the chair's pages
about one proposal's reviews (assigning reviewers, the summary of their scores)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arloesi.core.service_calls import call_service
from arloesi.proposals import selectors, services
from arloesi.proposals.forms.review import (
    AssignReviewerForm,
    DeclarationForm,
    NoteForm,
    ScoresForm,
)


@login_required
def assignments(request):
    return render(
        request,
        "proposals/review/assignments.html",
        {"assignments": selectors.assignment_list_for(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request, assignment_id: int):
    """One page, three forms: the declaration of interests, the scores, a private note."""
    page = selectors.review_page_for(user=request.user, assignment_id=assignment_id)
    action = request.POST.get("action") if request.method == "POST" else None
    declaration = DeclarationForm(request.POST if action == "declare" else None)
    scores = ScoresForm(
        request.POST if action == "score" else None, criteria=page.criteria, scores=page.scores
    )
    note = NoteForm(request.POST if action == "note" else None)
    here = reverse("proposals:review", kwargs={"assignment_id": page.assignment.pk})
    user, assignment = request.user, page.assignment
    unknown = action not in ("declare", "score", "note")
    if request.method == "POST" and (unknown or (action == "declare" and page.declared)):
        return redirect(here)
    if action == "score" and not page.can_score:
        messages.error(request, _("You cannot score this proposal now."))
        return redirect(here)
    if action == "declare" and declaration.is_valid():
        conflict = declaration.cleaned_data["has_conflict"]
        result = call_service(
            request,
            lambda: services.conflict_declare(
                actor=user,
                assignment=assignment,
                has_conflict=conflict,
                details=declaration.cleaned_data["details"],
            ),
            form=declaration,
            success=_("Your conflict of interest was recorded. You will not score this proposal.")
            if conflict
            else _("Your declaration was recorded. You can now score the proposal."),
        )
        if result.ok:
            return redirect(here)
    elif action == "score" and scores.is_valid():
        result = call_service(
            request,
            lambda: services.scores_record(
                actor=user, assignment=assignment, scores=scores.scored()
            ),
            form=scores,
            success=_("Your scores were saved."),
            patient_data=[comment for _criterion, _value, comment in scores.scored()],
        )
        if result.ok:
            return redirect(here)
    elif action == "note" and note.is_valid():
        result = call_service(
            request,
            lambda: services.review_note_add(
                actor=user, assignment=assignment, text=note.cleaned_data["text"]
            ),
            form=note,
            success=_("Your private note was saved."),
            patient_data=[note.cleaned_data["text"]],
        )
        if result.ok:
            return redirect(here + "#notes")
    return render(
        request,
        "proposals/review/review.html",
        {
            "page": page,
            "declaration_form": declaration,
            "scores_form": scores,
            "note_form": note,
            # The page title starts "Error:" when the form just sent has problems.
            "form": {"declare": declaration, "score": scores, "note": note}.get(action),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reviewers(request, proposal_id: int):
    proposal = selectors.proposal_for_chair(user=request.user, proposal_id=proposal_id)
    page = selectors.reviewers_page_for(proposal=proposal)
    form = AssignReviewerForm(
        request.POST if request.method == "POST" else None, candidates=page.candidates
    )
    if request.method == "POST" and form.is_valid():
        person = form.person()
        result = call_service(
            request,
            lambda: services.reviewer_assign(
                actor=request.user, proposal=proposal, reviewer=person
            ),
            form=form,
            success=_("%(name)s is now a reviewer of this proposal.") % {"name": person.full_name},
        )
        if result.ok:
            return redirect("proposals:reviewers", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/review/reviewers.html",
        {
            "proposal": proposal,
            "page": page,
            "form": form,
            "access": selectors.proposal_access(user=request.user, proposal=proposal),
        },
    )


@login_required
def review_summary(request, proposal_id: int):
    proposal = selectors.proposal_for_chair(user=request.user, proposal_id=proposal_id)
    return render(
        request,
        "proposals/review/summary.html",
        {
            "proposal": proposal,
            "page": selectors.review_summary_for(user=request.user, proposal=proposal),
        },
    )
