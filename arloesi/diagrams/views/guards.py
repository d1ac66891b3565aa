"""How the diagram's pages fetch the diagram, and how an edit answers: the editor again (an
htmx request: drawing, outline and lists swapped in one piece, with what happened said in a live
region and focus where the person was), or the diagram's page (a browser without JavaScript)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from arloesi.diagrams import selectors


def posted(request):
    """The form data of a POST, even an empty one (so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def for_readers(view):
    """For a diagram's pages: whoever may see it (404 for anyone else)."""

    @login_required
    @wraps(view)
    def wrapper(request, diagram_id: int, **kwargs):
        diagram, access = selectors.diagram_get_for_user(user=request.user, diagram_id=diagram_id)
        return view(request, diagram, access, **kwargs)

    return wrapper


def for_editors(view):
    """For what changes a diagram: those who may change it (404 for those who may not see it; a
    message on its page for those who may see it but no longer change it, e.g. once its
    proposal is submitted)."""

    @login_required
    @wraps(view)
    def wrapper(request, diagram_id: int, **kwargs):
        diagram, access = selectors.diagram_get_for_user(user=request.user, diagram_id=diagram_id)
        if not access.may_edit:
            messages.error(request, _("This diagram cannot be changed here."))
            return redirect("diagrams:detail", diagram_id=diagram.pk)
        return view(request, diagram, **kwargs)

    return wrapper


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def answer(
    request,
    diagram,
    *,
    seen: int | None,
    said: str = "",
    error: str = "",
    undo: int | None = None,
    focus: str = "",
):
    """After an edit of ``diagram`` (as this request found it, before the edit). ``seen``: the
    revision the person's page showed; ``said``: what happened; ``error``: why nothing happened;
    ``undo``: a box just deleted, to offer it back; ``focus``: the id of the control to put focus
    on."""
    before = diagram.revision
    if not is_htmx(request):
        if error:
            messages.error(request, error)
        elif said:
            messages.success(request, said)
        anchor = f"#{focus}" if focus else ""
        return redirect(reverse("diagrams:detail", kwargs={"diagram_id": diagram.pk}) + anchor)
    now, access = selectors.diagram_get_for_user(user=request.user, diagram_id=diagram.pk)
    page = selectors.diagram_page(diagram=now, access=access)
    # Someone else changed it before this edit (the page was older than the diagram), or while
    # it was made (this edit moves the revision on by one at most; an edit that changes nothing,
    # like moving the first box up, does not move it at all).
    others = seen is not None and (seen < before or page.revision > before + 1)
    return render(
        request,
        "diagrams/_editor.html",
        {
            "page": page,
            "said": said,
            "error": error,
            "undo": undo,
            "focus": focus,
            "others_changed": others,
        },
    )
