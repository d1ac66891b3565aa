"""Finding learning: the search page, open to everyone (signed out, public learning records
only). Reads only, through ``selectors.finding``."""

from django.shortcuts import render

from arloesi.learning import selectors
from arloesi.learning.forms.finding import FindingForm


def _page_number(value) -> int:
    return int(value) if value and str(value).isdigit() and len(str(value)) < 6 else 1


def find(request):
    board = request.GET.get("health_board", "")[:12]
    health_boards, clusters = selectors.finding_places(board)
    form = FindingForm(request.GET or None, health_boards=health_boards, clusters=clusters)
    valid = form.is_bound and form.is_valid()
    data = form.cleaned_data if valid else {}
    like = request.GET.get("like", "")[:60] if not form.is_bound or valid else ""
    page = selectors.finding_page(
        user=request.user,
        data=data,
        page=_page_number(request.GET.get("page")),
        like=like,
        places=(health_boards, clusters),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "learning/finding/search.html",
        {"form": form, "found": page, "query": query.urlencode(), "like": like},
    )
