"""The monitoring pages to time: the schedule and the dashboard of a cluster (for its lead), a
health board (for one of its officers) and Wales (for the national team), and the PDSA cycles
behind a health board's dashboard. The data is the project schedules generator's
(``bench_schedule``).

The cluster is the one whose collaboratives lead the most current projects, so its pages show
more as Wales fills up. A dashboard shows figures — numbers that grow, not rows — so only its
query count is compared.
"""

from django.db.models import Count
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata.bench import holder, largest_health_board
from arloesi.projects.models import Project
from arloesi.projects.vocabulary import Stage


def _busiest_cluster(context: BenchContext) -> OrganisationUnit:
    def choose():
        busiest = (
            Project.objects.exclude(status=Stage.CLOSED)
            .order_by()
            .values("lead_collaborative__parent")
            .annotate(projects=Count("id"))
            .order_by("-projects", "lead_collaborative__parent")
            .first()
        )
        return OrganisationUnit.objects.get(pk=busiest["lead_collaborative__parent"])

    return context.pick("projects.busiest_cluster", choose)


def _wales(context: BenchContext) -> OrganisationUnit:
    return context.pick("projects.wales", lambda: OrganisationUnit.objects.get(kind=Kind.WALES))


def _cluster_lead(context: BenchContext) -> Person:
    return holder(_busiest_cluster(context), Role.CLUSTER_LEAD)


def _officer(context: BenchContext) -> Person:
    return holder(largest_health_board(context), Role.HEALTH_BOARD_OFFICER)


def _national(context: BenchContext) -> Person:
    return holder(_wales(context), Role.NATIONAL_TEAM)


def _at(route: str, unit, query: str = ""):
    return lambda context: reverse(route, kwargs={"unit_id": unit(context).pk}) + query


VIEWERS = [
    ("cluster", _busiest_cluster, _cluster_lead),
    ("health board", largest_health_board, _officer),
    ("Wales", _wales, _national),
]
for _where, _unit, _user in VIEWERS:
    bench.register_page(f"schedule ({_where})", url=_at("projects:schedule", _unit), user=_user)
    bench.register_page(
        f"project dashboard ({_where})",
        url=_at("projects:dashboard", _unit),
        user=_user,
        does_not_grow="figures: numbers that grow, not rows",
    )
# The same search as the proposals list's, among the schedule's own filters.
bench.register_page(
    "schedule (health board): words",
    url=_at("projects:schedule", largest_health_board, "?q=people"),
    user=_officer,
)
bench.register_page(
    "schedule (Wales): words and filters",
    url=_at("projects:schedule", _wales, "?q=checks&innovation=service&starts_from=2020-01-01"),
    user=_national,
)
bench.register_page(
    "PDSA cycles (health board)",
    url=_at("projects:cycle_list", largest_health_board),
    user=_officer,
)
