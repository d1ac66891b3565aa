"""What the monitoring pages are about: a unit (a cluster, a planning group, a health board or
Wales) that the reader holds ``projects.view`` over, its current projects, and the filters the
schedule and the dashboard's links share.

A project is under a unit when its lead collaborative is. Projects are matched by their lead
collaborative's id against the units computed once (``organisations.selectors.units_within``),
not by a join on paths, which SQLite cannot answer from an index.
"""

import datetime
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from arloesi.core import permissions, search
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.projects.models import Milestone, PdsaCycle, Project
from arloesi.projects.permissions import Perm
from arloesi.projects.selectors.access import stale_before
from arloesi.projects.selectors.search import KIND
from arloesi.projects.vocabulary import InnovationType, Rag, Stage

MONITORED_KINDS = (Kind.WALES, Kind.HEALTH_BOARD, Kind.PLANNING_GROUP, Kind.CLUSTER)
# Days ahead a milestone counts as due soon.
DUE_SOON_DAYS = 30
NO_RAG = "none"
OVERDUE_CHOICES = ("milestones", "cycles", "either")
# Words beyond this many characters are not read.
MAX_WORDS_LENGTH = 200
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


def unit_for_monitoring(*, user, unit_id: int):
    """The unit, if it is one the schedule covers and ``user`` holds ``projects.view`` over
    it; otherwise 404 (a guessed id reveals nothing)."""
    unit = organisations.unit_of_kind(unit_id=unit_id, kinds=MONITORED_KINDS)
    if unit is None or not permissions.can(user, Perm.VIEW, unit.path):
        raise Http404
    return unit


def widest_unit_for(*, user):
    """The widest unit ``user`` holds ``projects.view`` over (Wales, then a health board, a
    planning group, a cluster), or None."""
    if not permissions.can_anywhere(user, Perm.VIEW):
        return None
    for kind in MONITORED_KINDS:
        units = organisations.units_for(user=user, permission=Perm.VIEW, kind=kind)
        if units:
            return units[0]
    return None


def projects_under(*, user, unit) -> QuerySet[Project]:
    """Every project (closed ones too) whose lead collaborative is under ``unit``."""
    units = organisations.units_within(Perm.VIEW, user=user, under=unit.path)
    return Project.objects.filter(lead_collaborative__in=units)


def current(projects: QuerySet[Project]) -> QuerySet[Project]:
    return projects.exclude(status=Stage.CLOSED)


def _whole_number(value) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**62 else None


def _day(value) -> date | None:
    """A date typed as the date fields accept it (ISO, or day/month/year), else None."""
    text = str(value or "").strip()[:10]
    for pattern in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a day)
        except ValueError:
            continue
        return day if 1900 <= day.year <= 2200 else None
    return None


@dataclass(frozen=True)
class Filters:
    """The schedule's filters, from the query string (anything unknown is left out)."""

    stage: str = ""
    priority: int | None = None
    collaborative: int | None = None
    rag: str = ""
    stale: bool = False
    overdue: str = ""
    due_soon: bool = False
    # Words to search for (every one needed, in either language's reading).
    words: str = ""
    innovation: str = ""
    # The project's start date, from and to.
    starts_from: date | None = None
    starts_to: date | None = None

    @classmethod
    def from_query(cls, query) -> "Filters":
        stage = query.get("stage", "")
        rag = query.get("rag", "")
        overdue = query.get("overdue", "")
        innovation = query.get("innovation", "")
        return cls(
            stage=stage if stage in Stage.values else "",
            priority=_whole_number(query.get("priority")),
            collaborative=_whole_number(query.get("collaborative")),
            rag=rag if rag in (*Rag.values, NO_RAG) else "",
            stale=query.get("stale") == "1",
            overdue=overdue if overdue in OVERDUE_CHOICES else "",
            due_soon=query.get("due_soon") == "1",
            words=" ".join(str(query.get("q", ""))[:MAX_WORDS_LENGTH].split()),
            innovation=innovation if innovation in InnovationType.values else "",
            starts_from=_day(query.get("starts_from")),
            starts_to=_day(query.get("starts_to")),
        )

    def query(self, **changes) -> str:
        """The query string for these filters (with ``changes``), without the page number."""
        values = {
            "stage": self.stage,
            "priority": self.priority or "",
            "collaborative": self.collaborative or "",
            "rag": self.rag,
            "stale": "1" if self.stale else "",
            "overdue": self.overdue,
            "due_soon": "1" if self.due_soon else "",
            "q": self.words,
            "innovation": self.innovation,
            "starts_from": self.starts_from.isoformat() if self.starts_from else "",
            "starts_to": self.starts_to.isoformat() if self.starts_to else "",
        }
        values.update(changes)
        return urlencode({name: value for name, value in values.items() if value})

    @property
    def active(self) -> bool:
        return bool(self.query())


def overdue_milestones(today: date) -> Q:
    return Q(done_on__isnull=True, due_on__lt=today)


def overdue_cycles(today: date) -> Q:
    return Q(completed_at__isnull=True, planned_end_on__lt=today)


def filtered(projects: QuerySet[Project], filters: Filters, *, today: date) -> QuerySet[Project]:
    """``projects`` as the filters choose them: current ones unless the stage asked is closed."""
    projects = projects.filter(status=filters.stage) if filters.stage else current(projects)
    if filters.priority:
        projects = projects.filter(
            pk__in=Project.priorities.through.objects.filter(
                localpriority_id=filters.priority
            ).values("project_id")
        )
    if filters.collaborative:
        projects = projects.filter(lead_collaborative_id=filters.collaborative)
    if filters.rag:
        projects = projects.filter(rag="" if filters.rag == NO_RAG else filters.rag)
    if filters.stale:
        # Only a project still running can be stale.
        projects = current(projects).filter(last_update_at__lt=stale_before())
    if filters.overdue:
        milestone_late = Exists(
            Milestone.objects.filter(overdue_milestones(today), project=OuterRef("pk"))
        )
        cycle_late = Exists(PdsaCycle.objects.filter(overdue_cycles(today), project=OuterRef("pk")))
        projects = projects.filter(
            {"milestones": milestone_late, "cycles": cycle_late}.get(
                filters.overdue, milestone_late | cycle_late
            )
        )
    if filters.due_soon:
        projects = projects.filter(
            Exists(
                Milestone.objects.filter(
                    project=OuterRef("pk"),
                    done_on__isnull=True,
                    due_on__gte=today,
                    due_on__lte=today + timedelta(days=DUE_SOON_DAYS),
                )
            )
        )
    return _searched(projects, filters)


def _searched(projects: QuerySet[Project], filters: Filters) -> QuerySet[Project]:
    """Narrowed by the words (the search index), the kind of innovation and the start date."""
    if filters.innovation:
        projects = projects.filter(proposal__innovation_type=filters.innovation)
    # A project without a start date starts when it was started.
    if filters.starts_from:
        projects = projects.filter(
            Q(starts_on__gte=filters.starts_from)
            | Q(starts_on__isnull=True, started_at__gte=_start_of(filters.starts_from))
        )
    if filters.starts_to:
        after = filters.starts_to + timedelta(days=1)
        projects = projects.filter(
            Q(starts_on__lte=filters.starts_to)
            | Q(starts_on__isnull=True, started_at__lt=_start_of(after))
        )
    matching = search.matching(KIND, filters.words)
    if matching is not None:
        projects = projects.filter(pk__in=matching)
    return projects


def _start_of(day: date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
