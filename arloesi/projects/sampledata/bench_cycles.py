"""The cycles pages ``make bench`` times (the schedules generator makes the ramps and cycles): a
PDSA cycle's worksheet and its forms, a ramp, a project's ramps and cycles, planning a cycle and
starting a ramp — on the busiest project (the first, with the 60-box diagram: five ramps of six
cycles at every scale), viewed by its lead; planning the next cycle after the first cycle that
ends a ramp with a decision to adopt or adapt, viewed by its project's lead.

Each shows one cycle, one ramp or one project's cycles, which the generator makes the same size
at every scale: their registrations say so, and only their query counts are compared.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import Person
from arloesi.projects.models import PdsaCycle, Project, ProjectTeamMember, Ramp
from arloesi.projects.vocabulary import ActDecision


def _busiest(context: BenchContext) -> Project:
    return context.pick("projects.busiest", lambda: Project.objects.order_by("pk").first())


def _lead(context: BenchContext) -> Person:
    return (
        ProjectTeamMember.objects.filter(project=_busiest(context))
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _ramp(context: BenchContext) -> Ramp:
    return context.pick(
        "projects.busiest_ramp",
        lambda: Ramp.objects.filter(project=_busiest(context)).order_by("pk").first(),
    )


def _continuing():
    return PdsaCycle.objects.filter(
        ramp__isnull=False,
        completed_at__isnull=False,
        act_decision__in=[ActDecision.ADOPT, ActDecision.ADAPT],
    ).order_by("pk")


def _completed(context: BenchContext) -> PdsaCycle:
    """The busiest project's first cycle completed with a decision to adopt or adapt: its
    worksheet is filled in."""
    return context.pick(
        "projects.busiest_completed_cycle",
        lambda: _continuing().filter(project=_busiest(context)).first(),
    )


def _ramps_last(context: BenchContext) -> PdsaCycle:
    """The first cycle (of any project) that ends its ramp, completed with a decision to adopt
    or adapt: the next cycle can be planned after it."""
    return context.pick(
        "projects.ramps_last_cycle",
        lambda: (
            _continuing()
            .exclude(
                Exists(
                    PdsaCycle.objects.filter(ramp=OuterRef("ramp"), number__gt=OuterRef("number"))
                )
            )
            .first()
        ),
    )


def _lead_of_ramps_last(context: BenchContext) -> Person:
    return (
        ProjectTeamMember.objects.filter(project_id=_ramps_last(context).project_id)
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _project_url(route: str):
    return lambda context: reverse(route, kwargs={"project_id": _busiest(context).pk})


def _cycle_url(route: str, **extra):
    return lambda context: reverse(route, kwargs={"cycle_id": _completed(context).pk, **extra})


for _name, _url, _why in [
    ("PDSA cycle", _cycle_url("projects:cycle"), "one cycle's worksheet"),
    (
        "PDSA cycle plan",
        _cycle_url("projects:cycle_section", section="plan"),
        "a form about one cycle",
    ),
    (
        "ramp of PDSA cycles",
        lambda context: reverse("projects:ramp", kwargs={"ramp_id": _ramp(context).pk}),
        "one ramp's cycles (six in the busiest project's ramps at every scale)",
    ),
    (
        "project's PDSA cycles",
        _project_url("projects:cycles"),
        "one project's ramps and cycles (five ramps of six at every scale)",
    ),
    (
        "plan a PDSA cycle",
        _project_url("projects:cycle_new"),
        "a form with one project's team and ramps",
    ),
    ("start a ramp", _project_url("projects:ramp_new"), "a form with one diagram's change ideas"),
]:
    bench.register_page(_name, url=_url, user=_lead, does_not_grow=_why)
bench.register_page(
    "plan the next PDSA cycle",
    url=lambda context: reverse(
        "projects:cycle_next", kwargs={"cycle_id": _ramps_last(context).pk}
    ),
    user=_lead_of_ramps_last,
    does_not_grow="a form about one cycle",
)
