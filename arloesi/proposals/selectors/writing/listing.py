"""The list of proposals: the ones the reader may see (``proposal_list_for``), narrowed by words
(ranked by the search index, best first) and by filters — status, health board, cluster, local
priority, kind of innovation, and the dates they were submitted or decided — a page at a time,
in a fixed number of queries however many there are."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from arloesi.core import permissions, search
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.proposals.models import (
    Decision,
    LocalPriority,
    Proposal,
    ProposalPriority,
    ProposalSponsor,
)
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.visibility import proposal_list_for
from arloesi.proposals.selectors.writing.search import KIND
from arloesi.proposals.workflow import InnovationType, Status

PAGE_SIZE = 25
# Words beyond this many characters are not read (the form refuses more).
MAX_WORDS_LENGTH = 200
SUBMITTED = "submitted"
DECIDED = "decided"
DATES_OF = (SUBMITTED, DECIDED)


@dataclass(frozen=True)
class Place:
    pk: int
    name: str
    path: str = ""


@dataclass(frozen=True)
class ListOptions:
    """The filters' choices: health boards, and the clusters and local priorities of the chosen
    one (none until a board is chosen: every cluster in Wales is a long list to read)."""

    health_boards: list[Place]
    clusters: list[Place] = field(default_factory=list)
    priorities: list[Place] = field(default_factory=list)

    def board(self, pk) -> Place | None:
        return next((p for p in self.health_boards if str(p.pk) == str(pk or "")), None)


def proposal_list_options(*, health_board: str = "") -> ListOptions:
    """One query, or three when a health board is chosen."""
    welsh = (get_language() or "en") == "cy"

    def name(en: str, cy: str) -> str:
        return (cy or en) if welsh else en

    boards = [
        Place(pk, name(en, cy), path)
        for pk, en, cy, path in organisations.unit_names(kind=Kind.HEALTH_BOARD)
    ]
    chosen = next((p for p in boards if str(p.pk) == str(health_board)[:12]), None)
    if chosen is None:
        return ListOptions(boards)
    clusters = [
        Place(pk, name(en, cy), path)
        for pk, en, cy, path in organisations.unit_names(kind=Kind.CLUSTER, within=chosen.path)
    ]
    priorities = [
        Place(pk, name(en, cy))
        for pk, en, cy in LocalPriority.objects.filter(unit__path__startswith=chosen.path)
        .order_by("title_en", "id")
        .values_list("pk", "title_en", "title_cy")
    ]
    return ListOptions(boards, clusters, priorities)


@dataclass(frozen=True)
class ListFilters:
    """What the list is narrowed by (already checked against the options)."""

    words: str = ""
    status: str = ""
    health_board: Place | None = None
    cluster: int | None = None
    priority: int | None = None
    innovation: str = ""
    dates_of: str = SUBMITTED
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    @classmethod
    def from_data(cls, data: dict, options: ListOptions) -> "ListFilters":
        """From a form's cleaned data: a value not among the choices is left out."""
        cluster = str(data.get("cluster") or "")
        priority = str(data.get("priority") or "")
        status = data.get("status") or ""
        innovation = data.get("innovation") or ""
        dates_of = data.get("dates_of") or SUBMITTED
        return cls(
            words=str(data.get("q") or "")[:MAX_WORDS_LENGTH],
            status=status if status in Status.values else "",
            health_board=options.board(data.get("health_board")),
            cluster=next((p.pk for p in options.clusters if str(p.pk) == cluster), None),
            priority=next((p.pk for p in options.priorities if str(p.pk) == priority), None),
            innovation=innovation if innovation in InnovationType.values else "",
            dates_of=dates_of if dates_of in DATES_OF else SUBMITTED,
            date_from=data.get("date_from") or None,
            date_to=data.get("date_to") or None,
        )

    @property
    def active(self) -> bool:
        return bool(
            self.words
            or self.status
            or self.health_board
            or self.innovation
            or self.date_from
            or self.date_to
        )


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filtered(proposals: QuerySet[Proposal], filters: ListFilters) -> QuerySet[Proposal]:
    """``proposals`` as the filters (but not the words) choose them."""
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    if filters.cluster:
        proposals = proposals.filter(lead_collaborative__parent_id=filters.cluster)
    elif filters.health_board:
        proposals = proposals.filter(planning_group__parent_id=filters.health_board.pk)
    if filters.priority:
        proposals = proposals.filter(
            pk__in=ProposalPriority.objects.filter(priority_id=filters.priority).values("proposal")
        )
    if filters.innovation:
        proposals = proposals.filter(innovation_type=filters.innovation)
    if filters.date_from or filters.date_to:
        within = {}
        if filters.date_from:
            within["gte"] = _start_of(filters.date_from)
        if filters.date_to:
            within["lt"] = _start_of(filters.date_to + datetime.timedelta(days=1))
        if filters.dates_of == DECIDED:
            decided = {f"decided_at__{test}": when for test, when in within.items()}
            proposals = proposals.filter(
                pk__in=Decision.objects.filter(**decided).values("proposal")
            )
        else:
            proposals = proposals.filter(
                **{f"submitted_at__{test}": when for test, when in within.items()}
            )
    return proposals


@dataclass(frozen=True)
class ListPage:
    rows: list[Proposal]
    number: int
    has_previous: bool
    has_next: bool
    status: str
    can_create: bool
    filters: ListFilters = field(default_factory=ListFilters)
    # How many the words found (None when the list is not searched: it is not counted).
    total: int | None = None

    @property
    def searched(self) -> bool:
        return self.total is not None


def proposal_list_page(*, user, filters: ListFilters | None = None, number: int) -> ListPage:
    """A page of the proposals the reader may see: best match first when there are words to
    search for, else newest first without counting them all (counting every proposal visible
    across Wales cost as much as the page itself: "previous" and "next" need only one row more
    than the page)."""
    filters = filters or ListFilters()
    start = (number - 1) * PAGE_SIZE
    proposals = (
        filtered(proposal_list_for(user=user), filters)
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
    found = search.ranked(
        KIND,
        filters.words,
        proposals.order_by().values("pk"),
        limit=PAGE_SIZE,
        offset=start,
    )
    if found is None:
        rows = list(proposals[start : start + PAGE_SIZE + 1])
        has_next = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        total = None
    else:
        by_id = {p.pk: p for p in proposals.filter(pk__in=found.ids)} if found.ids else {}
        rows = [by_id[pk] for pk in found.ids if pk in by_id]
        has_next = start + len(found.ids) < found.total
        total = found.total
    sponsors = dict(
        ProposalSponsor.objects.filter(proposal__in=[p.pk for p in rows])
        .order_by()
        .values_list("proposal")
        .annotate(count=Count("id"))
    )
    for proposal in rows:
        proposal.sponsor_count = sponsors.get(proposal.pk, 0)
    return ListPage(
        rows=rows,
        number=number,
        has_previous=number > 1,
        has_next=has_next,
        status=filters.status,
        can_create=permissions.can_anywhere(user, Perm.CREATE),
        filters=filters,
        total=total,
    )
