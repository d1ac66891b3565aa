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
    diagram_id: int,
    *,
    seen: int | None,
    said: str = "",
    error: str = "",
    undo: int | None = None,
    focus: str = "",
):
    """After an edit. ``said``: what happened; ``error``: why nothing happened; ``undo``: a box
    just deleted, to offer it back; ``focus``: the id of the control to put focus on."""
    if not is_htmx(request):
        if error:
            messages.error(request, error)
        elif said:
            messages.success(request, said)
        anchor = f"#{focus}" if focus else ""
        return redirect(reverse("diagrams:detail", kwargs={"diagram_id": diagram_id}) + anchor)
    diagram, access = selectors.diagram_get_for_user(user=request.user, diagram_id=diagram_id)
    page = selectors.diagram_page(diagram=diagram, access=access)
    # This request moved the revision on by one; more means someone else changed it too.
    others = seen is not None and page.revision - (0 if error else 1) != seen
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
