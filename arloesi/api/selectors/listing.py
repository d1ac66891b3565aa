"""The API's lists, a page at a time, each read through the owning app's own scoped selector
(the one its pages use), ordered so that pages do not overlap, with what each row shows loaded
in the same query: a fixed number of queries however many rows.
"""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator

from arloesi.learning import selectors as learning
from arloesi.organisations import selectors as organisations
from arloesi.projects import selectors as projects
from arloesi.proposals import selectors as proposals
from arloesi.risks import selectors as risks

PER_PAGE = 50
# The directory's lists are public knowledge and short (Wales has a few hundred units).
MOST_UNITS = 2000


@dataclass(frozen=True)
class Paged:
    count: int
    page: int
    pages: int
    items: list[Any]


def paged(rows, number: int, per_page: int = PER_PAGE) -> Paged:
    """Page ``number`` of ``rows`` (a queryset or a list); past the last page, an empty one."""
    paginator = Paginator(rows, per_page)
    count = paginator.count
    pages = max(1, paginator.num_pages)
    if number > pages:
        return Paged(count=count, page=number, pages=pages, items=[])
    return Paged(count=count, page=number, pages=pages, items=list(paginator.page(number)))


def units_page(*, kind: str, within: str, number: int) -> Paged:
    units = organisations.units_of_kind(kind=kind, within=within, limit=MOST_UNITS)
    return paged(units, number)


def proposals_page(*, user, number: int) -> Paged:
    rows = proposals.proposal_list_for(user=user).select_related(
        "lead_collaborative", "planning_group"
    )
    return paged(rows.order_by("-created_at", "-id"), number)


def projects_page(*, user, number: int) -> Paged:
    rows = projects.projects_visible_to(user=user).select_related(
        "lead_collaborative", "planning_group"
    )
    return paged(rows.order_by("-started_at", "-id"), number)


def risks_page(*, user, number: int) -> Paged:
    rows = risks.entries_visible_to(user=user).select_related("unit", "owner")
    return paged(rows.order_by("-created_at", "-id"), number)


def learning_page(*, user, number: int) -> Paged:
    found = learning.published_records(user=user, page_number=number, per_page=PER_PAGE)
    pages = max(1, found.page.paginator.num_pages)
    items = found.records if number <= pages else []
    return Paged(count=found.total, page=number, pages=pages, items=items)
