"""The authors' pages: list, start, write in sections, submit, withdraw, resubmit; the sponsor
lead's confirmation; the detail page, its history, similar work and the PDF pitch pack.

A view parses the request, calls one service or selector, and renders. Every proposal is fetched
with ``selectors.proposal_get_for_user`` (404 for anyone who may not see it); a service's
PermissionDenied is also a 404, so nothing is revealed by trying ids.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core import audit, nhs_number, pdf, permissions
from arloesi.core.forms import add_service_errors, warn_if_patient_data
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind
from arloesi.proposals import attachments, scoring, selectors, services, similar
from arloesi.proposals.forms import authoring as forms
from arloesi.proposals.models import (
    Decision,
    EvaluationPlan,
    Proposal,
    ProposalAttachment,
    ProposalAuthor,
    ProposalNeed,
    ProposalPriority,
    ProposalSponsor,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.workflow import (
    FREE_TEXT_FIELDS,
    PITCH_LIMIT_SECONDS,
    PUBLISHED,
    Status,
)

PAGE_SIZE = 25
# The audit action recorded when someone downloads an attachment (core's actions are changes).
DOWNLOADED = "downloaded"


# --- Sections ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    slug: str
    title: Promise
    # Field names screening reports problems against, so a problem links to its section.
    fields: tuple[str, ...]
    form: type | None = None
    optional: bool = False
    # The URL name of a section with its own page (not one of the simple forms).
    page: str = ""

    def url(self, proposal: Proposal) -> str:
        if self.form:
            return reverse(
                "proposals:section", kwargs={"proposal_id": proposal.pk, "section": self.slug}
            )
        return reverse(f"proposals:{self.page or self.slug}", kwargs={"proposal_id": proposal.pk})


SECTIONS = [
    Section(
        "problem",
        gettext_lazy("The problem and the evidence"),
        ("title", "problem", "evidence"),
        forms.ProblemForm,
    ),
    Section(
        "people",
        gettext_lazy("Who it is for"),
        ("population", "affects_vulnerable_groups", "vulnerable_groups_notes"),
        forms.PeopleForm,
    ),
    Section(
        "innovation",
        gettext_lazy("Kind of innovation"),
        ("innovation_type", "novelty"),
        forms.InnovationForm,
    ),
    Section("pitch", gettext_lazy("Elevator pitch"), forms.PITCH_FIELDS, forms.PitchForm),
    Section(
        "value",
        gettext_lazy("Value proposition"),
        forms.ValueForm.section_fields,
        forms.ValueForm,
    ),
    Section(
        "priorities",
        gettext_lazy("Local priorities"),
        ("priorities",),
        page="proposal_priorities",
    ),
    Section("sponsors", gettext_lazy("Sponsoring collaboratives"), ("sponsors",)),
    Section("authors", gettext_lazy("Co-authors"), (), optional=True),
    Section(
        "funding",
        gettext_lazy("Money and time needed"),
        forms.FundingForm.section_fields,
        forms.FundingForm,
    ),
    Section("staff", gettext_lazy("Staff time needed"), (), optional=True),
    Section(
        "evaluation",
        gettext_lazy("Evaluation plan"),
        ("evaluation", *forms.EvaluationForm.section_fields, "evaluation_approach"),
        forms.EvaluationForm,
    ),
    Section("attachments", gettext_lazy("Attachments"), (), optional=True),
]
SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}
FORM_SECTIONS = "|".join(s.slug for s in SECTIONS if s.form)


def _section_of(field: str) -> Section | None:
    return next((s for s in SECTIONS if field in s.fields), None)


def _problem_items(proposal: Proposal, problems) -> list[dict]:
    """Screening problems as error-summary items linking to the page (and field) to change."""
    items = []
    for problem in problems:
        section = _section_of(problem.field)
        item = {"text": problem.message}
        if section:
            anchor = (
                f"#id_{problem.field}"
                if section.form and problem.field in (section.form.base_fields)
                else ""
            )
            item["href"] = section.url(proposal) + anchor
        items.append(item)
    return items


def _nhs_number_fields(proposal: Proposal, plan: EvaluationPlan | None) -> list[str]:
    """Labels of the free-text fields that look like they hold an NHS number."""
    texts = {name: str(getattr(proposal, name, "") or "") for name in FREE_TEXT_FIELDS}
    if plan is not None:
        texts.update(
            {
                name: str(getattr(plan, name, "") or "")
                for name in forms.EvaluationForm.section_fields
            }
        )
    return [
        str(FREE_TEXT_FIELDS[name])
        for name in nhs_number.fields_with_numbers(texts)
        if name in FREE_TEXT_FIELDS
    ]


def _posted(request):
    """The form data of a POST, even an empty one (so it is validated), else None."""
    return request.POST if request.method == "POST" else None


# --- Fetching ---------------------------------------------------------------------------------


def _visible(request, proposal_id: int) -> Proposal:
    return selectors.proposal_get_for_user(user=request.user, proposal_id=proposal_id)


class _NotEditable(Exception):
    def __init__(self, proposal: Proposal):
        self.proposal = proposal


def _editable(request, proposal_id: int) -> Proposal:
    """The proposal if this person may change it now; 404 for anyone who is not an author."""
    proposal = _visible(request, proposal_id)
    access = selectors.proposal_access(user=request.user, proposal=proposal)
    if not access.is_author:
        raise Http404
    if not access.can_edit:
        raise _NotEditable(proposal)
    return proposal


def _not_editable(request, proposal: Proposal):
    messages.error(
        request,
        _("This proposal can no longer be changed: its status is “%(status)s”.")
        % {"status": proposal.get_status_display()},
    )
    return redirect("proposals:detail", proposal_id=proposal.pk)


def editable_view(view):
    """For pages that change a proposal: fetch it (or 404) and turn a late status into a
    message on the detail page."""

    def wrapper(request, proposal_id: int, **kwargs):
        try:
            proposal = _editable(request, proposal_id)
        except _NotEditable as refused:
            return _not_editable(request, refused.proposal)
        try:
            return view(request, proposal, **kwargs)
        except PermissionDenied:
            raise Http404 from None

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return login_required(wrapper)


# --- List and start ---------------------------------------------------------------------------


def _can_create(user) -> bool:
    return permissions.can_anywhere(user, Perm.CREATE)


@login_required
def proposal_list(request):
    status = request.GET.get("status", "")
    if status not in Status.values:
        status = ""
    proposals = (
        selectors.proposal_list_for(request.user, status=status or None)
        .select_related(None)
        .select_related("lead_collaborative__parent")
        # Only what the list shows: a whole proposal is thirty fields of mostly long text.
        .only(
            "title",
            "status",
            "created_at",
            "lead_collaborative__name_en",
            "lead_collaborative__name_cy",
            "lead_collaborative__parent__name_en",
            "lead_collaborative__parent__name_cy",
        )
    )
    # Pages without a total: counting every proposal visible across Wales cost as much as the
    # page itself, and "previous" and "next" need only one row more than the page.
    number = _page_number(request.GET.get("page"))
    start = (number - 1) * PAGE_SIZE
    rows = list(proposals[start : start + PAGE_SIZE + 1])
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    if not rows and number > 1:
        return redirect(
            f"{reverse('proposals:list')}?status={status}" if status else "proposals:list"
        )
    sponsors = dict(
        ProposalSponsor.objects.filter(proposal__in=[p.pk for p in rows])
        .order_by()
        .values_list("proposal")
        .annotate(count=Count("id"))
    )
    for proposal in rows:
        proposal.sponsor_count = sponsors.get(proposal.pk, 0)
    return render(
        request,
        "proposals/authoring/list.html",
        {
            "page": {"number": number, "has_previous": number > 1, "has_next": has_next},
            "rows": rows,
            "status": status,
            "statuses": Status.choices,
            "can_create": _can_create(request.user),
        },
    )


def _page_number(value) -> int:
    try:
        return max(1, min(int(value), 100_000))
    except (TypeError, ValueError):
        return 1


def _collaboratives_for(user) -> list[OrganisationUnit]:
    return list(
        permissions.scoped(
            OrganisationUnit.objects.filter(kind=Kind.COLLABORATIVE), user, Perm.CREATE, "path"
        ).order_by("name_en")
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request):
    collaboratives = _collaboratives_for(request.user)
    if not collaboratives:
        raise Http404
    form = forms.ProposalStartForm(_posted(request), collaboratives=collaboratives)
    if request.method == "POST" and form.is_valid():
        collaborative = next(
            c for c in collaboratives if str(c.pk) == form.cleaned_data["collaborative"]
        )
        try:
            proposal = services.proposal_create(
                actor=request.user, collaborative=collaborative, title=form.cleaned_data["title"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("Your draft proposal has been started."))
            warn_if_patient_data(request, proposal.title)
            return redirect("proposals:edit", proposal_id=proposal.pk)
    return render(request, "proposals/authoring/create.html", {"form": form})


# --- Writing ----------------------------------------------------------------------------------


def _task_list(proposal: Proposal, problems) -> list[dict]:
    with_problems = {s.slug for p in problems if (s := _section_of(p.field))}
    items = []
    for section in SECTIONS:
        if section.optional:
            status = {"text": _("Optional")}
        elif section.slug in with_problems:
            status = {"tag": {"text": _("Incomplete"), "classes": "nhsuk-tag--blue"}}
        else:
            status = {"text": _("Completed")}
        items.append(
            {"title": {"text": str(section.title)}, "href": section.url(proposal), "status": status}
        )
    return items


@editable_view
def proposal_edit(request, proposal: Proposal):
    """The task list: every section, and what screening would still ask for."""
    screening = selectors.proposal_screening(proposal=proposal)
    plan = EvaluationPlan.objects.filter(proposal=proposal).first()
    return render(
        request,
        "proposals/authoring/edit.html",
        {
            "proposal": proposal,
            "tasks": _task_list(proposal, screening.problems),
            "ready": screening.passed,
            "problems": [p for p in screening.problems if p.field == "intake"],
            "nhs_number_fields": _nhs_number_fields(proposal, plan),
            "pitch_words": proposal.pitch_words,
            "pitch_seconds": proposal.pitch_seconds,
        },
    )


def _section_object(section: Section, proposal: Proposal):
    if section.slug == "evaluation":
        return EvaluationPlan.objects.get(proposal=proposal)
    return proposal


def _section_save(request, section: Section, proposal: Proposal, form) -> None:
    values = form.values()
    version = form.cleaned_data["expected_version"]
    if section.slug == "evaluation":
        services.evaluation_plan_update(
            actor=request.user, proposal=proposal, expected_version=version, **values
        )
    else:
        services.proposal_update(
            actor=request.user, proposal=proposal, expected_version=version, **values
        )


def _initial(section: Section, obj) -> dict:
    initial = {name: getattr(obj, name) for name in section.form.section_fields}
    initial["expected_version"] = obj.version
    return initial


@editable_view
@require_http_methods(["GET", "POST"])
def proposal_section(request, proposal: Proposal, section: str):
    section = SECTION_BY_SLUG[section]
    obj = _section_object(section, proposal)
    form = section.form(_posted(request), initial=_initial(section, obj))
    theirs = []
    if request.method == "POST" and form.is_valid():
        try:
            _section_save(request, section, proposal, form)
        except audit.ConcurrentEditError as error:
            obj = type(obj).objects.get(pk=obj.pk)
            theirs = _their_changes(form, obj)
            data = request.POST.copy()
            data["expected_version"] = str(obj.version)
            form = section.form(data, initial=_initial(section, obj))
            form.is_valid()
            form.add_error(None, str(error.message))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("“%(section)s” has been saved.") % {"section": section.title}
            )
            warn_if_patient_data(
                request, *(v for v in form.values().values() if isinstance(v, str))
            )
            return redirect("proposals:edit", proposal_id=proposal.pk)
    context = {"proposal": proposal, "section": section, "form": form, "theirs": theirs}
    if section.slug == "pitch":
        words = scoring.word_count(*(str(form[name].value() or "") for name in forms.PITCH_FIELDS))
        context.update(_pitch_count(words))
    return render(request, "proposals/authoring/section.html", context)


def _their_changes(form, saved) -> list[dict]:
    """What the other person saved, for the fields where it differs from what this person typed."""
    changes = []
    for name in form.section_fields:
        typed = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        current = getattr(saved, name)
        if (typed or "") != (current or ""):
            bound = form[name]
            shown = current
            if hasattr(saved, f"get_{name}_display"):
                shown = getattr(saved, f"get_{name}_display")()
            elif isinstance(current, bool):
                shown = _("Yes") if current else _("No")
            changes.append({"label": bound.label, "value": "" if shown is None else str(shown)})
    return changes


def _pitch_count(words: int) -> dict:
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
    form.is_valid()
    words = scoring.word_count(*(form.cleaned_data.get(name, "") for name in forms.PITCH_FIELDS))
    return render(request, "proposals/_pitch_count.html", _pitch_count(words))


@editable_view
@require_http_methods(["GET", "POST"])
def proposal_priorities(request, proposal: Proposal):
    available = list(
        selectors.priority_list_for_planning_group(planning_group=proposal.planning_group)
    )
    chosen = [str(pk) for pk in proposal.priority_links.values_list("priority_id", flat=True)]
    form = forms.PrioritiesForm(
        _posted(request), priorities=available, initial={"priorities": chosen}
    )
    if request.method == "POST" and form.is_valid():
        wanted = set(form.cleaned_data["priorities"])
        try:
            services.proposal_priorities_set(
                actor=request.user,
                proposal=proposal,
                priorities=[p for p in available if str(p.pk) in wanted],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The local priorities have been saved."))
            return redirect("proposals:edit", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/authoring/priorities.html",
        {"proposal": proposal, "form": form, "available": available},
    )


def _sponsors(proposal: Proposal) -> list[ProposalSponsor]:
    return list(
        proposal.sponsors.select_related("collaborative__parent", "confirmed_by").order_by("id")
    )


@editable_view
@require_http_methods(["GET", "POST"])
def proposal_sponsors(request, proposal: Proposal):
    sponsors = _sponsors(proposal)
    taken = {s.collaborative_id for s in sponsors}
    collaboratives = [
        unit
        for unit in OrganisationUnit.objects.filter(kind=Kind.COLLABORATIVE)
        .select_related("parent")
        .order_by("parent__name_en", "name_en")
        if unit.pk not in taken
    ]
    form = forms.SponsorForm(_posted(request), collaboratives=collaboratives)
    if request.method == "POST" and form.is_valid():
        chosen = next(c for c in collaboratives if str(c.pk) == form.cleaned_data["collaborative"])
        try:
            services.sponsor_add(actor=request.user, proposal=proposal, collaborative=chosen)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(collaborative)s has been added. Its lead will be asked to confirm.")
                % {"collaborative": chosen.name},
            )
            return redirect("proposals:sponsors", proposal_id=proposal.pk)
    clusters = {s.collaborative.parent_id for s in sponsors}
    return render(
        request,
        "proposals/authoring/sponsors.html",
        {
            "proposal": proposal,
            "form": form,
            "sponsors": sponsors,
            "cross_boundary": len(sponsors) > 1,
            "cross_cluster": len(clusters) > 1,
        },
    )


@editable_view
@require_POST
def sponsor_remove(request, proposal: Proposal, sponsor_id: int):
    sponsor = _get(proposal.sponsors, sponsor_id)
    try:
        services.sponsor_remove(actor=request.user, sponsor=sponsor)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(collaborative)s no longer sponsors this proposal.")
            % {"collaborative": sponsor.collaborative.name},
        )
    return redirect("proposals:sponsors", proposal_id=proposal.pk)


def _get(queryset, pk: int):
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def sponsor_confirm(request, proposal_id: int, sponsor_id: int):
    """The sponsoring collaborative's lead confirms it sponsors the proposal."""
    proposal = _visible(request, proposal_id)
    sponsor = _get(proposal.sponsors.select_related("collaborative", "confirmed_by"), sponsor_id)
    if not permissions.can(request.user, Perm.SPONSOR, sponsor.collaborative.path):
        raise Http404
    if request.method == "POST":
        try:
            services.sponsor_confirm(actor=request.user, sponsor=sponsor)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("You have confirmed that %(collaborative)s sponsors this proposal.")
                % {"collaborative": sponsor.collaborative.name},
            )
        return redirect("proposals:detail", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/authoring/sponsor_confirm.html",
        {
            "proposal": proposal,
            "sponsor": sponsor,
            "editable": proposal.status in (Status.DRAFT, Status.MORE_INFORMATION_REQUESTED),
        },
    )


@editable_view
@require_http_methods(["GET", "POST"])
def proposal_authors(request, proposal: Proposal):
    form = forms.AuthorForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        person = Person.objects.filter(
            email__iexact=form.cleaned_data["email"], is_active=True
        ).first()
        if person is None:
            form.add_error(
                "email",
                _(
                    "Nobody with this email address can sign in to Arloesi. Ask their "
                    "collaborative lead to invite them first."
                ),
            )
        else:
            try:
                services.proposal_author_add(actor=request.user, proposal=proposal, person=person)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("%(name)s is now a co-author.") % {"name": person.full_name}
                )
                return redirect("proposals:authors", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/authoring/authors.html",
        {
            "proposal": proposal,
            "form": form,
            "authors": list(proposal.authors.select_related("person")),
        },
    )


@editable_view
@require_POST
def author_remove(request, proposal: Proposal, author_id: int):
    author = _get(proposal.authors.select_related("person"), author_id)
    try:
        services.proposal_author_remove(actor=request.user, author=author)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s is no longer a co-author.") % {"name": author.person.full_name}
        )
    return redirect("proposals:authors", proposal_id=proposal.pk)


@editable_view
@require_http_methods(["GET", "POST"])
def proposal_staff(request, proposal: Proposal):
    form = forms.NeedForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.need_add(actor=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The staff time has been added."))
            warn_if_patient_data(request, form.cleaned_data["skill"])
            return redirect("proposals:staff", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/authoring/staff.html",
        {"proposal": proposal, "form": form, "needs": list(proposal.needs.all())},
    )


@editable_view
@require_POST
def need_remove(request, proposal: Proposal, need_id: int):
    need = _get(proposal.needs, need_id)
    services.need_remove(actor=request.user, need=need)
    messages.success(request, _("The staff time has been removed."))
    return redirect("proposals:staff", proposal_id=proposal.pk)


@editable_view
@require_http_methods(["GET", "POST"])
def proposal_attachments(request, proposal: Proposal):
    form = forms.AttachmentForm(
        _posted(request), request.FILES if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            attachment = attachments.attachment_add(
                actor=request.user, proposal=proposal, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request, _("%(name)s has been attached.") % {"name": attachment.original_name}
            )
            return redirect("proposals:attachments", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/authoring/attachments.html",
        {
            "proposal": proposal,
            "form": form,
            "attachments": list(attachments.attachments_for(proposal=proposal)),
            "removable": True,
        },
    )


@editable_view
@require_POST
def attachment_remove(request, proposal: Proposal, attachment_id: int):
    attachment = _get(proposal.attachments, attachment_id)
    attachments.attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, _("%(name)s has been removed.") % {"name": attachment.original_name})
    return redirect("proposals:attachments", proposal_id=proposal.pk)


@login_required
def attachment_download(request, proposal_id: int, attachment_id: int):
    """Only through here, for people who may see the proposal; always a download."""
    attachment = attachments.attachment_get_for_user(
        user=request.user, proposal_id=proposal_id, attachment_id=attachment_id
    )
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    audit.record(actor=request.user, obj=attachment, action=DOWNLOADED)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Submitting, withdrawing, resubmitting ----------------------------------------------------


@editable_view
@require_http_methods(["GET", "POST"])
def proposal_submit(request, proposal: Proposal):
    if proposal.status != Status.DRAFT:
        return redirect("proposals:resubmit", proposal_id=proposal.pk)
    problems = []
    if request.method == "POST":
        try:
            services.proposal_submit(actor=request.user, proposal=proposal)
        except services.ScreeningFailedError as error:
            problems = _problem_items(proposal, error.result.problems)
        except (audit.ConcurrentEditError, TransitionNotAllowedError):
            return _not_editable(request, _visible(request, proposal.pk))
        else:
            messages.success(
                request,
                _(
                    "Your proposal has been submitted. It passed the completeness checks and is "
                    "now with the planning group for review."
                ),
            )
            return redirect("proposals:detail", proposal_id=proposal.pk)
    screening = selectors.proposal_screening(proposal=proposal)
    return render(
        request,
        "proposals/authoring/submit.html",
        {
            "proposal": proposal,
            "problems": problems,
            "waiting": _problem_items(proposal, screening.problems) if not problems else [],
            "warnings": screening.warnings,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_withdraw(request, proposal_id: int):
    proposal = _visible(request, proposal_id)
    if not selectors.proposal_access(user=request.user, proposal=proposal).can_withdraw:
        raise Http404
    form = forms.ReasonForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_withdraw(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
        except PermissionDenied:
            raise Http404 from None
        except (audit.ConcurrentEditError, TransitionNotAllowedError):
            form.add_error(
                None, _("The proposal’s status changed meanwhile, so it was not withdrawn.")
            )
        else:
            messages.success(request, _("The proposal has been withdrawn."))
            warn_if_patient_data(request, form.cleaned_data["reason"])
            return redirect("proposals:detail", proposal_id=proposal.pk)
    return render(
        request, "proposals/authoring/withdraw.html", {"proposal": proposal, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_resubmit(request, proposal_id: int):
    proposal = _visible(request, proposal_id)
    access = selectors.proposal_access(user=request.user, proposal=proposal)
    if not access.is_author or proposal.status != Status.MORE_INFORMATION_REQUESTED:
        raise Http404
    form = forms.ResponseForm(_posted(request))
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_resubmit(
                actor=request.user, proposal=proposal, response=form.cleaned_data["response"]
            )
        except services.ScreeningFailedError as error:
            problems = _problem_items(proposal, error.result.problems)
        except PermissionDenied:
            raise Http404 from None
        except (audit.ConcurrentEditError, TransitionNotAllowedError):
            form.add_error(None, _("The proposal’s status changed meanwhile, so it was not sent."))
        else:
            messages.success(request, _("Your proposal has been sent back to the planning group."))
            warn_if_patient_data(request, form.cleaned_data["response"])
            return redirect("proposals:detail", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/authoring/resubmit.html",
        {
            "proposal": proposal,
            "form": form,
            "problems": problems,
            "request_for_information": proposal.decisions.order_by("-decided_at", "-id").first(),
        },
    )


# --- Reading ----------------------------------------------------------------------------------


def _details(proposal: Proposal) -> dict:
    """Everything the detail page and the pitch pack show, in a fixed number of queries."""
    return {
        "plan": EvaluationPlan.objects.filter(proposal=proposal).first(),
        "sponsors": _sponsors(proposal),
        "authors": list(proposal.authors.select_related("person")),
        "priorities": [
            link.priority
            for link in ProposalPriority.objects.filter(proposal=proposal)
            .select_related("priority__unit")
            .order_by("priority__title_en")
        ],
        "needs": list(ProposalNeed.objects.filter(proposal=proposal)),
    }


@login_required
def proposal_detail(request, proposal_id: int):
    proposal = _visible(request, proposal_id)
    access = selectors.proposal_access(user=request.user, proposal=proposal)
    details = _details(proposal)
    decisions = list(Decision.objects.filter(proposal=proposal).order_by("decided_at", "id"))
    return render(
        request,
        "proposals/authoring/detail.html",
        {
            "proposal": proposal,
            "access": access,
            **details,
            "clusters": len({s.collaborative.parent_id for s in details["sponsors"]}),
            "attachments": list(attachments.attachments_for(proposal=proposal)),
            "history": list(selectors.proposal_history(proposal=proposal)),
            "decisions": decisions,
            "can_resubmit": access.is_author
            and proposal.status == Status.MORE_INFORMATION_REQUESTED,
            "sponsor_to_confirm": next(
                (
                    s
                    for s in details["sponsors"]
                    if not s.confirmed_at
                    and len(details["sponsors"]) > 1
                    and proposal.status in (Status.DRAFT, Status.MORE_INFORMATION_REQUESTED)
                    and permissions.can(request.user, Perm.SPONSOR, s.collaborative.path)
                ),
                None,
            ),
            "nhs_number_fields": _nhs_number_fields(proposal, details["plan"])
            if access.can_edit
            else [],
            "sections": SECTION_BY_SLUG,
            "status_labels": dict(Status.choices),
            "published": proposal.status in PUBLISHED,
        },
    )


@login_required
def proposal_similar(request, proposal_id: int):
    """Similar work elsewhere in Wales: a fragment for htmx, a page without JavaScript."""
    proposal = _visible(request, proposal_id)
    context = {
        "proposal": proposal,
        "similar": similar.similar_proposals_for(user=request.user, proposal=proposal),
    }
    if request.headers.get("HX-Request"):
        return render(request, "proposals/_similar.html", context)
    return render(request, "proposals/authoring/similar.html", context)


@login_required
def proposal_history(request, proposal_id: int):
    proposal = _visible(request, proposal_id)
    events = audit.history_for(
        proposal,
        including=(
            ProposalAuthor.objects.filter(proposal=proposal),
            ProposalSponsor.objects.filter(proposal=proposal),
            ProposalPriority.objects.filter(proposal=proposal),
            ProposalNeed.objects.filter(proposal=proposal),
            EvaluationPlan.objects.filter(proposal=proposal),
            ProposalAttachment.objects.filter(proposal=proposal),
        ),
    )
    return render(
        request,
        "core/history.html",
        {
            "subject": proposal.title,
            # Downloads stay in the audit trail but change nothing, so they are not listed here.
            "events": [event for event in events if event.action != DOWNLOADED],
            "back_url": reverse("proposals:detail", kwargs={"proposal_id": proposal.pk}),
        },
    )


@login_required
def pitch_pack(request, proposal_id: int):
    proposal = _visible(request, proposal_id)
    return pdf.pdf_response(
        "proposals/pitch_pack.html",
        {"proposal": proposal, **_details(proposal)},
        filename=f"pitch-pack-{proposal.pk}",
        request=request,
    )
