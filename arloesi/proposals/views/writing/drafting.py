"""Writing a proposal: the list, starting a draft, the task list and its sections, the local
priorities it serves and the staff time it needs."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.proposals import scoring, selectors, services
from arloesi.proposals.forms import listing
from arloesi.proposals.forms import writing as forms
from arloesi.proposals.sections import PITCH_FIELDS, SECTION_BY_SLUG
from arloesi.proposals.views.writing.guards import for_authors, page_number
from arloesi.proposals.workflow import PITCH_LIMIT_SECONDS


@login_required
def proposal_list(request):
    """The proposals the reader may see: words to search for and filters, from the address."""
    options = selectors.proposal_list_options(health_board=request.GET.get("health_board", ""))
    form = listing.ProposalListForm(request.GET or None, options=options)
    page = selectors.proposal_list_page(
        user=request.user,
        filters=selectors.ListFilters.from_data(form.chosen(), options),
        number=page_number(request.GET.get("page")),
    )
    query = request.GET.copy()
    query.pop("page", None)
    query = query.urlencode()
    if not page.rows and page.number > 1:
        return redirect(reverse("proposals:list") + (f"?{query}" if query else ""))
    return render(
        request, "proposals/writing/list.html", {"page": page, "form": form, "query": query}
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request):
    collaboratives = selectors.collaboratives_for(user=request.user)
    if not collaboratives:
        raise Http404
    form = forms.ProposalStartForm(posted(request), collaboratives=collaboratives)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.proposal_create(
                actor=request.user, collaborative=form.chosen(), title=form.cleaned_data["title"]
            ),
            form=form,
            success=_("Your draft proposal has been started."),
            patient_data=[form.cleaned_data["title"]],
        )
        if result.ok:
            return redirect("proposals:edit", proposal_id=result.value.pk)
    return render(request, "proposals/writing/create.html", {"form": form})


@for_authors
def proposal_edit(request, proposal):
    """The task list: every section, and what screening would still ask for."""
    return render(
        request,
        "proposals/writing/edit.html",
        {"proposal": proposal, "page": selectors.task_list_page(proposal=proposal)},
    )


@for_authors
@require_http_methods(["GET", "POST"])
def proposal_section(request, proposal, section: str):
    form_class = forms.SECTION_FORMS[section]
    edited = selectors.section_object(proposal=proposal, section=section)
    form = form_class(posted(request), initial=form_class.initial_from(edited))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.proposal_section_save(
                actor=request.user,
                proposal=proposal,
                section=section,
                expected_version=form.cleaned_data["expected_version"],
                values=form.values(),
            ),
            form=form,
            success=_("“%(section)s” has been saved.")
            % {"section": SECTION_BY_SLUG[section].title},
            patient_data=[v for v in form.cleaned_data.values() if isinstance(v, str)],
        )
        if result.ok:
            return redirect("proposals:edit", proposal_id=proposal.pk)
    context = {"proposal": proposal, "section": SECTION_BY_SLUG[section], "form": form}
    if section == "pitch":
        context.update(_pitch_count([str(form[name].value() or "") for name in PITCH_FIELDS]))
    return render(request, "proposals/writing/section.html", context)


def _pitch_count(texts: list[str]) -> dict:
    words = scoring.word_count(*texts)
    seconds = scoring.read_aloud_seconds(words)
    return {
        "pitch_words": words,
        "pitch_seconds": seconds,
        "pitch_too_long": seconds > PITCH_LIMIT_SECONDS,
    }


@login_required
@require_POST
def pitch_count(request):
    """The live word count and read-aloud time of the pitch being typed (htmx fragment)."""
    form = forms.PitchCountForm(request.POST)
    return render(request, "proposals/_pitch_count.html", _pitch_count(form.texts()))


@for_authors
@require_http_methods(["GET", "POST"])
def proposal_priorities(request, proposal):
    page = selectors.priorities_page(proposal=proposal)
    form = forms.PrioritiesForm(
        posted(request), priorities=page.available, initial={"priorities": page.chosen}
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.proposal_priorities_set(
                actor=request.user, proposal=proposal, priorities=form.chosen()
            ),
            form=form,
            success=_("The local priorities have been saved."),
        )
        if result.ok:
            return redirect("proposals:edit", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/writing/priorities.html",
        {"proposal": proposal, "form": form, "available": page.available},
    )


@for_authors
@require_http_methods(["GET", "POST"])
def proposal_staff(request, proposal):
    form = forms.NeedForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.need_add(actor=request.user, proposal=proposal, **form.cleaned_data),
            form=form,
            success=_("The staff time has been added."),
            patient_data=[form.cleaned_data["skill"]],
        )
        if result.ok:
            return redirect("proposals:staff", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/writing/staff.html",
        {"proposal": proposal, "form": form, "needs": selectors.needs_of(proposal)},
    )


@for_authors
@require_POST
def need_remove(request, proposal, need_id: int):
    need = selectors.need_of(proposal=proposal, need_id=need_id)
    call_service(
        request,
        lambda: services.need_remove(actor=request.user, need=need),
        success=_("The staff time has been removed."),
    )
    return redirect("proposals:staff", proposal_id=proposal.pk)
