"""Reads for the capacity pages: a cluster's demand against capacity per skill and month (the
arithmetic is ``delivery.capacity``), a person's own capacity and absences, a health board's
offers. Each page is one presenter in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.delivery import capacity, charts
from arloesi.delivery.models import (
    Absence,
    CapacityDeclaration,
    CapacityOffer,
    Skill,
    Task,
    TaskNeed,
)
from arloesi.delivery.selectors import access, choices
from arloesi.delivery.vocabulary import OPEN_STATUSES

DEFAULT_MONTHS = 6
MAX_MONTHS = 24


def month_label(month: date) -> str:
    return formats.date_format(month, "M Y")


@dataclass
class Period:
    first: date
    count: int

    @property
    def months(self) -> list[date]:
        return [capacity.add_months(self.first, n) for n in range(self.count)]

    @property
    def last_day(self) -> date:
        return capacity.month_end(self.months[-1])


def period_from(params) -> Period:
    """The months asked for (``from``: YYYY-MM, ``months``: how many), or the next six."""
    first = capacity.month_of(timezone.localdate())
    try:
        year, month = (int(part) for part in params.get("from", "").split("-"))
        if 1900 <= year <= 2200 and 1 <= month <= 12:
            first = date(year, month, 1)
    except ValueError:
        pass
    count = params.get("months", "")
    count = int(count) if count.isdigit() else DEFAULT_MONTHS
    return Period(first=first, count=min(max(count, 1), MAX_MONTHS))


@dataclass
class SkillRow:
    skill: Skill
    cells: list[capacity.Cell]

    @property
    def short(self) -> bool:
        return any(cell.shortfall > 0 for cell in self.cells)


@dataclass
class CapacityPage:
    cluster: object
    period: Period
    months: list[date]
    rows: list[SkillRow]
    shortfalls: list[str]
    offers: list[CapacityOffer]
    may_manage: bool
    may_offer: bool
    previous: str
    next: str
    chart: Markup | None = None


def _skill_balance(cluster, period: Period):
    first, last = period.first, period.last_day
    needs = list(
        TaskNeed.objects.filter(
            task__cluster=cluster,
            task__removed_at__isnull=True,
            task__status__in=OPEN_STATUSES,
            task__starts_on__lte=last,
            task__due_on__gte=first,
        ).values_list("task_id", "skill_id", "hours", "task__starts_on", "task__due_on")
    )
    served = defaultdict(set)
    links = Task.priorities.through.objects.filter(task_id__in={need[0] for need in needs})
    for task_id, priority_id in links.values_list("task_id", "localpriority_id"):
        served[task_id].add(priority_id)
    declarations = list(
        CapacityDeclaration.objects.filter(cluster=cluster, from_month__lte=last)
        .filter(Q(to_month__isnull=True) | Q(to_month__gte=first))
        .values_list("person_id", "skill_id", "hours_per_month", "from_month", "to_month")
    )
    away = defaultdict(list)
    people = {row[0] for row in declarations if row[0]}
    for person_id, first_day, last_day in Absence.objects.filter(
        person_id__in=people, first_day__lte=last, last_day__gte=first
    ).values_list("person_id", "first_day", "last_day"):
        away[person_id].append((first_day, last_day))
    offers = list(
        CapacityOffer.objects.filter(
            cluster=cluster, withdrawn_at__isnull=True, from_month__lte=last, to_month__gte=first
        )
        .select_related("health_board", "skill")
        .prefetch_related("priorities")
    )
    return capacity.balance(
        [
            capacity.Need(task, skill, hours, starts_on, due_on, frozenset(served[task]))
            for task, skill, hours, starts_on, due_on in needs
        ],
        [
            capacity.Declaration(skill, hours, start, end, tuple(away[person]))
            for person, skill, hours, start, end in declarations
        ],
        [
            capacity.Offer(
                offer.skill_id,
                offer.hours_per_month,
                offer.from_month,
                offer.to_month,
                frozenset(p.pk for p in offer.priorities.all()),
            )
            for offer in offers
        ],
        period.months,
    ), offers


def shortfall_words(skill: Skill, cell: capacity.Cell) -> str:
    return _(
        "%(skill)s in %(month)s: %(demand)s hours needed, %(capacity)s available — "
        "%(short)s hours short"
    ) % {
        "skill": skill.name,
        "month": month_label(cell.month),
        "demand": round(cell.demand),
        "capacity": round(cell.capacity),
        "short": round(cell.shortfall),
    }


def capacity_page(*, user, cluster, period: Period) -> CapacityPage:
    result, offers = _skill_balance(cluster, period)
    skills = {skill.pk: skill for skill in Skill.objects.all()}
    rows = [
        SkillRow(skills[skill_id], [result.cell(skill_id, month) for month in result.months])
        for skill_id in sorted(result.skills, key=lambda pk: (skills[pk].position, pk))
    ]
    shortfalls = [
        shortfall_words(row.skill, cell)
        for row in rows
        for cell in row.cells
        if cell.shortfall >= 0.5
    ]

    def link(first: date) -> str:
        return f"?from={first:%Y-%m}&months={period.count}"

    page = CapacityPage(
        cluster=cluster,
        period=period,
        months=result.months,
        rows=rows,
        shortfalls=shortfalls,
        offers=offers,
        may_manage=access.may_manage(user, cluster),
        may_offer=access.may_offer(user, cluster),
        previous=link(capacity.add_months(period.first, -period.count)),
        next=link(capacity.add_months(period.first, period.count)),
    )
    page.chart = capacity_chart(page) if rows else None
    return page


def capacity_chart(page: CapacityPage) -> Markup:
    """The chart of the page's table: demand and capacity per skill and month."""
    words = charts.Words(
        title=_("Demand against capacity in %(cluster)s") % {"cluster": page.cluster.name},
        description=_(
            "For each skill, the hours needed and the hours available in each month; a "
            "triangle marks a month without enough. The table below gives the figures."
        ),
        demand=_("Hours needed"),
        capacity=_("Hours available"),
        short=_("Not enough capacity"),
    )
    markup = charts.draw(
        [
            charts.Row(row.skill.name, [charts.Month(c.demand, c.capacity) for c in row.cells])
            for row in page.rows
        ],
        [month_label(month) for month in page.months],
        words=words,
    )
    return Markup(markup)  # noqa: S704 (core.svg escapes every text and attribute)


@dataclass
class MyCapacityPage:
    declarations: list[CapacityDeclaration]
    absences: list[Absence]
    clusters: list
    skills: list[Skill]


def my_capacity_page(*, user) -> MyCapacityPage:
    today = timezone.localdate()
    return MyCapacityPage(
        declarations=list(
            CapacityDeclaration.objects.filter(person=user)
            .filter(Q(to_month__isnull=True) | Q(to_month__gte=capacity.month_of(today)))
            .select_related("cluster", "skill")
            .order_by("from_month", "id")
        ),
        absences=list(Absence.objects.filter(person=user, last_day__gte=today)),
        clusters=access.clusters_to_work_in(user=user),
        skills=choices.skills_in_use(),
    )


def declaration_of(*, user, declaration_id: int) -> CapacityDeclaration:
    declaration = (
        CapacityDeclaration.objects.select_related("group", "cluster", "skill")
        .filter(pk=declaration_id)
        .first()
    )
    if declaration is None or not access.may_change_declaration(user, declaration):
        raise Http404
    return declaration


def declaration_back_url(*, declaration: CapacityDeclaration) -> str:
    """Where a declaration is changed from: "My capacity" for one's own hours."""
    return reverse("delivery:my_capacity")


def absence_of(*, user, absence_id: int) -> Absence:
    absence = Absence.objects.filter(pk=absence_id, person_id=getattr(user, "pk", None)).first()
    if absence is None:
        raise Http404
    return absence


def offer_of(*, user, offer_id: int) -> CapacityOffer:
    offer = (
        CapacityOffer.objects.select_related("health_board", "cluster").filter(pk=offer_id).first()
    )
    if offer is None or not access.may_change_offer(user, offer):
        raise Http404
    return offer
