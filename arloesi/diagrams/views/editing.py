"""Editing a diagram's boxes and links from its page: add, change, move up or down, move to
another column, delete and undo, link and unlink. Each button is a small form that works without
JavaScript (a POST, then the diagram's page); with htmx the editor is swapped in place."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.service_calls import CHANGED_MEANWHILE, call_service
from arloesi.diagrams import forms, selectors, services
from arloesi.diagrams.views.guards import answer, for_editors, is_htmx, posted
from arloesi.diagrams.vocabulary import Kind


def _refusal(result) -> str:
    return " ".join(result.error.messages) if result.error else ""


def _quoted(node) -> dict:
    return {"box": str(node)}


def _gone_meanwhile(diagram, node_id: int, *, deleted: bool = False) -> bool:
    """True when the box is this diagram's but someone else has deleted it meanwhile (or, for
    ``deleted``, brought it back): the editor then shows the diagram as it is now, rather than a
    404 that htmx would show as nothing. A box of another diagram is still a 404."""
    here, there = selectors.node_for_page, selectors.deleted_node
    if deleted:
        here, there = there, here
    if here(diagram=diagram, node_id=node_id) is not None:
        return False
    if there(diagram=diagram, node_id=node_id) is not None:
        return True
    raise Http404


@for_editors
@require_POST
def node_add(request, diagram, kind: str):
    if kind not in forms.ADD_LABELS:
        raise Http404
    sources = selectors.content_of(diagram).of_kind(Kind.values[Kind.values.index(kind) - 1])
    form = forms.NodeAddForm(request.POST, kind=kind, sources=sources)
    if not form.is_valid():
        errors = " ".join(" ".join(e) for e in form.errors.values())
        return answer(request, diagram, seen=None, error=errors, focus=f"id_{kind}-text")
    result = call_service(
        request,
        lambda: services.node_add(
            actor=request.user,
            diagram=diagram,
            kind=kind,
            text=form.cleaned_data["text"],
            linked_from=form.cleaned_data.get("linked_from") or None,
        ),
        patient_data=[form.cleaned_data["text"]],
        show_refusal=False,
    )
    said = _("Added “%(box)s”.") % {"box": form.cleaned_data["text"][:80]} if result.ok else ""
    return answer(
        request,
        diagram,
        seen=form.seen(),
        said=said,
        error=_refusal(result),
        focus=f"id_{kind}-text",
    )


@for_editors
@require_http_methods(["GET", "POST"])
def node_edit(request, diagram, node_id: int):
    node = selectors.node_for_page(diagram=diagram, node_id=node_id)
    if node is None:
        raise Http404
    if node.kind == Kind.AIM:
        return redirect("diagrams:aim", diagram_id=diagram.pk)
    form = forms.NodeForm(posted(request), node=node, initial=forms.NodeForm.initial_from(node))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.node_update(
                actor=request.user,
                diagram=diagram,
                node_id=node.pk,
                expected_version=form.cleaned_data["expected_version"],
                **form.values(),
            ),
            form=form,
            success=lambda value: _saved_message(value[1]),
            patient_data=[form.cleaned_data["text"]],
        )
        if result.ok:
            return redirect("diagrams:detail", diagram_id=diagram.pk)
    return render(
        request, "diagrams/node_edit.html", {"diagram": diagram, "node": node, "form": form}
    )


def _saved_message(removed: list[str]) -> str:
    if not removed:
        return _("The box has been saved.")
    return _(
        "The box has been saved. These links no longer ran from left to right and were removed: "
        "%(links)s."
    ) % {"links": "; ".join(removed)}


@for_editors
@require_POST
def node_move(request, diagram, node_id: int):
    form = forms.MoveForm(request.POST)
    if not form.is_valid():
        return answer(request, diagram, seen=None, error=_("Select up or down"))
    up = form.cleaned_data["direction"] == "up"
    if _gone_meanwhile(diagram, node_id):
        return answer(request, diagram, seen=form.seen(), error=str(CHANGED_MEANWHILE))
    result = call_service(
        request,
        lambda: services.node_move(actor=request.user, diagram=diagram, node_id=node_id, up=up),
        show_refusal=False,
    )
    said = ""
    if result.ok:
        said = (_("Moved “%(box)s” up.") if up else _("Moved “%(box)s” down.")) % _quoted(
            result.value
        )
    return answer(
        request,
        diagram,
        seen=form.seen(),
        said=said,
        error=_refusal(result),
        focus=f"move-{'up' if up else 'down'}-{node_id}",
    )


@for_editors
@require_POST
def node_delete(request, diagram, node_id: int):
    form = forms.RevisionForm(request.POST)
    if _gone_meanwhile(diagram, node_id):
        return answer(request, diagram, seen=form.seen(), error=str(CHANGED_MEANWHILE))
    result = call_service(
        request,
        lambda: services.node_delete(actor=request.user, diagram=diagram, node_id=node_id),
        show_refusal=False,
    )
    return answer(
        request,
        diagram,
        seen=form.seen(),
        said=_("Deleted “%(box)s”.") % _quoted(result.value) if result.ok else "",
        error=_refusal(result),
        undo=node_id if result.ok else None,
        focus="undo" if result.ok else "",
    )


@for_editors
@require_POST
def node_restore(request, diagram, node_id: int):
    form = forms.RevisionForm(request.POST)
    if _gone_meanwhile(diagram, node_id, deleted=True):
        return answer(request, diagram, seen=form.seen(), error=str(CHANGED_MEANWHILE))
    result = call_service(
        request,
        lambda: services.node_restore(actor=request.user, diagram=diagram, node_id=node_id),
        show_refusal=False,
    )
    return answer(
        request,
        diagram,
        seen=form.seen(),
        said=_("Brought back “%(box)s”.") % _quoted(result.value) if result.ok else "",
        error=_refusal(result),
        focus=f"box-{node_id}" if result.ok else "",
    )


@for_editors
def node_links(request, diagram, node_id: int):
    page = selectors.links_page(diagram=diagram, node_id=node_id)
    if page is None:
        raise Http404
    template = "diagrams/_links.html" if is_htmx(request) else "diagrams/node_links.html"
    return render(request, template, {"page": page})


@for_editors
@require_POST
def link_change(request, diagram, node_id: int):
    """Link the box with another (strong or weak), or unlink them (no strength)."""
    form = forms.LinkForm(request.POST)
    if not form.is_valid():
        raise Http404
    node = selectors.node_for_page(diagram=diagram, node_id=node_id)
    other = selectors.node_for_page(diagram=diagram, node_id=form.cleaned_data["other"])
    if node is None or other is None:
        raise Http404
    source, target = (other, node) if other.column < node.column else (node, other)
    strength = form.cleaned_data["strength"]
    if strength:
        result = call_service(
            request,
            lambda: services.link_set(
                actor=request.user,
                diagram=diagram,
                source_id=source.pk,
                target_id=target.pk,
                strength=strength,
            ),
            show_refusal=False,
        )
        said = (
            _("Linked “%(other)s” (strong link).")
            if strength == "strong"
            else _("Linked “%(other)s” (weak link).")
        ) % {"other": str(other)}
    else:
        result = call_service(
            request,
            lambda: services.link_remove(
                actor=request.user, diagram=diagram, source_id=source.pk, target_id=target.pk
            ),
            show_refusal=False,
        )
        said = _("Unlinked “%(other)s”.") % {"other": str(other)}
    said, error = (said if result.ok else ""), _refusal(result)
    if not is_htmx(request):
        if said:
            messages.success(request, said)
        if error:
            messages.error(request, error)
        return redirect("diagrams:node_links", diagram_id=diagram.pk, node_id=node_id)
    page = selectors.links_page(diagram=diagram, node_id=node_id)
    return render(
        request,
        "diagrams/_links.html",
        {"page": page, "said": said, "error": error, "focus": f"link-{other.pk}"},
    )
