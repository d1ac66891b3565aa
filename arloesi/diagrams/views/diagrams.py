"""The diagrams a person can see, starting one, a diagram's page, its title and SMART aim, how
its drawing orders the boxes, sharing, deleting, its history and its files."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core import downloads
from arloesi.core.history_pages import render_history
from arloesi.core.service_calls import call_service
from arloesi.core.text import search_terms
from arloesi.diagrams import forms, rendering, selectors, services
from arloesi.diagrams.views.guards import answer, for_editors, for_readers, posted
from arloesi.diagrams.vocabulary import OwnerKind


def page_number(value) -> int:
    try:
        return max(1, min(int(value), 100_000))
    except (TypeError, ValueError):
        return 1


@login_required
def diagram_list(request):
    page = selectors.diagram_list_page(
        user=request.user,
        query=search_terms(request.GET.get("q")),
        number=page_number(request.GET.get("page")),
    )
    return render(request, "diagrams/list.html", {"page": page})


def _owner(request) -> tuple[str, int | None]:
    """The owner a new diagram is for, from ``?owner=proposal:12`` (none: the person's own)."""
    kind, _sep, number = (request.GET.get("owner") or OwnerKind.STANDALONE).partition(":")
    if kind not in OwnerKind.values or (kind == OwnerKind.STANDALONE) != (number == ""):
        raise Http404
    if kind == OwnerKind.STANDALONE:
        return kind, None
    if not number.isdigit() or len(number) > 18:
        raise Http404
    return kind, int(number)


@login_required
@require_http_methods(["GET", "POST"])
def diagram_start(request):
    owner_kind, owner_id = _owner(request)
    copy_of = request.GET.get("copy")
    page = selectors.start_page(
        user=request.user,
        owner_kind=owner_kind,
        owner_id=owner_id,
        copy_of=int(copy_of) if copy_of and copy_of.isdigit() and len(copy_of) < 19 else None,
    )
    if page is None:
        raise Http404
    if page.existing is not None:
        return redirect("diagrams:detail", diagram_id=page.existing.pk)
    form = forms.StartForm(
        posted(request),
        request.FILES or None,
        examples=page.examples,
        copy_of=page.copy_of,
        initial={
            "source": forms.initial_source(
                request.GET.get("source"), examples=page.examples, copy_of=page.copy_of
            )
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        example = form.example()

        def start():
            if data["source"] == forms.COPY:
                source = services.copy_source(actor=request.user, diagram=page.copy_of)
            elif data["source"] == forms.FILE:
                source = form.document
            elif example is not None:
                source = example.document
            else:
                title = data["title"] or (page.owner.owner_title if page.owner else "")
                source = services.blank(title=title, aim=data["aim"])
            return services.diagram_start(
                actor=request.user,
                owner_kind=owner_kind,
                owner_id=owner_id,
                title=data["title"] or (page.owner.owner_title if page.owner else ""),
                source=source,
                example=example is not None,
            )

        result = call_service(
            request,
            start,
            form=form,
            success=_("Your driver diagram has been started."),
            patient_data=[data["title"], data["aim"]],
        )
        if result.ok:
            return redirect("diagrams:detail", diagram_id=result.value.pk)
    return render(request, "diagrams/start.html", {"page": page, "form": form})


@for_readers
def diagram_detail(request, diagram, access):
    page = selectors.diagram_page(diagram=diagram, access=access)
    return render(
        request,
        "diagrams/detail.html",
        {"page": page, "smart": selectors.smart_rows(diagram), "order_form": forms.OrderForm()},
    )


@for_editors
@require_http_methods(["GET", "POST"])
def diagram_aim(request, diagram):
    aim = selectors.aim_of(diagram=diagram)
    form = forms.AimForm(posted(request), initial=forms.AimForm.initial_for(diagram, aim))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.diagram_aim_update(
                actor=request.user,
                diagram=diagram,
                expected_version=form.cleaned_data["expected_version"],
                aim=form.cleaned_data["aim"],
                **form.values(),
            ),
            form=form,
            success=_("The title and aim have been saved."),
            patient_data=[v for v in form.cleaned_data.values() if isinstance(v, str)],
        )
        if result.ok:
            return redirect("diagrams:detail", diagram_id=diagram.pk)
    return render(request, "diagrams/aim.html", {"diagram": diagram, "form": form})


@for_editors
@require_POST
def diagram_order(request, diagram):
    form = forms.OrderForm(request.POST)
    if not form.is_valid():
        return answer(request, diagram, seen=None, error=_("Select an order"))
    keep = form.cleaned_data["keep_order"] == "keep"
    result = call_service(
        request,
        lambda: services.diagram_order_set(actor=request.user, diagram=diagram, keep_order=keep),
        show_refusal=False,
    )
    said = (
        _("The drawing now keeps the order of the lists.")
        if keep
        else _("The drawing now orders the boxes to cross the fewest lines.")
    )
    return answer(
        request,
        diagram,
        seen=form.seen(),
        said=said if result.ok else "",
        error=" ".join(result.error.messages) if result.error else "",
        focus="drawing-order",
    )


@for_editors
@require_http_methods(["GET", "POST"])
def diagram_share(request, diagram):
    if diagram.owner_kind != OwnerKind.STANDALONE:
        raise Http404
    form = forms.ShareForm(posted(request), initial={"shared": "yes" if diagram.shared else "no"})
    if request.method == "POST" and form.is_valid():
        shared = form.cleaned_data["shared"] == "yes"
        result = call_service(
            request,
            lambda: services.diagram_share_set(actor=request.user, diagram=diagram, shared=shared),
            form=form,
            success=_("Everyone signed in can now see and copy this diagram.")
            if shared
            else _("Only you can see this diagram now."),
        )
        if result.ok:
            return redirect("diagrams:detail", diagram_id=diagram.pk)
    return render(request, "diagrams/share.html", {"diagram": diagram, "form": form})


@for_editors
@require_http_methods(["GET", "POST"])
def diagram_delete(request, diagram):
    if request.method == "POST":
        result = call_service(
            request,
            lambda: services.diagram_delete(actor=request.user, diagram=diagram),
            success=_("The driver diagram “%(title)s” has been deleted.")
            % {"title": diagram.title},
        )
        if result.ok:
            return redirect("diagrams:list")
    return render(request, "diagrams/delete.html", {"diagram": diagram})


@for_readers
def diagram_history(request, diagram, access):
    page = selectors.history_page(user=request.user, diagram=diagram, access=access)
    return render_history(
        request,
        page,
        subject=diagram.title,
        back_url=reverse("diagrams:detail", kwargs={"diagram_id": diagram.pk}),
        hidden_values_note=_(
            "This shows who changed which boxes and links, and when. What was written before "
            "and after each change is shown only to those who may change the diagram, and "
            "administrators."
        ),
    )


@for_readers
def diagram_export(request, diagram, access, file_format: str):
    """The diagram as a file: JSON (the exchange format), SVG, PNG or PDF; recorded."""
    name = slugify(diagram.title)[:60] or "driver-diagram"
    if file_format == "json":
        content = selectors.document_of(selectors.content_of(diagram)).dumps().encode("utf-8")
        return downloads.bytes_response(
            content,
            actor=request.user,
            subject=diagram,
            filename=f"{name}.json",
            content_type="application/json",
        )
    content_of = selectors.content_of(diagram)
    drawn = selectors.drawn(content_of)
    root, loose = selectors.outline_of(content_of)
    content = rendering.render(
        drawn,
        title=diagram.title,
        file_format=file_format,
        context={"smart": selectors.smart_rows(diagram), "outline": root, "loose": loose},
    )
    return downloads.bytes_response(
        content,
        actor=request.user,
        subject=diagram,
        filename=f"{name}.{file_format}",
        content_type=rendering.CONTENT_TYPES[file_format],
    )
