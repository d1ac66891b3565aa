"""Scale-ups for the benchmark, and the scale-up pages to time.

About 300 scale-ups at scale 1 (a third of the 940 projects, among those past their pilot
stage): seven in ten for the pilot's health board, the rest for all of Wales. Each has its six
enabler assessments (a nominated one only some of them), its steps, and — approved, with or
without conditions — a roll-out across clusters of its footprint, spread over the stages. The
busiest is an all-Wales scale-up with half the clusters of Wales in its roll-out: its page and
spread table are timed for the national team, who decide all-Wales scale-ups.
"""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext, insert_rows
from arloesi.learning.models import (
    EnablerAssessment,
    RolloutSite,
    RolloutStageChange,
    ScaleUp,
    ScaleUpStatusChange,
)
from arloesi.learning.scaling import target_unit_id
from arloesi.learning.vocabulary import (
    Enabler,
    EnablerRating,
    Footprint,
    RolloutStage,
    ScaleUpStatus,
)
from arloesi.learning.workflow import APPROVED_STATUSES
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata.bench import holder
from arloesi.projects.models import Project, ProjectTeamMember
from arloesi.projects.vocabulary import Stage

SHARE = 0.32
STATUS_WEIGHTS = {
    ScaleUpStatus.NOMINATED: 18,
    ScaleUpStatus.ASSESSED: 17,
    ScaleUpStatus.APPROVED: 35,
    ScaleUpStatus.APPROVED_WITH_CONDITIONS: 12,
    ScaleUpStatus.DECLINED: 12,
    ScaleUpStatus.WITHDRAWN: 6,
}
STAGES = [
    RolloutStage.PLANNED,
    RolloutStage.PREPARING,
    RolloutStage.LIVE,
    RolloutStage.SUSTAINED,
    RolloutStage.NOT_PROCEEDING,
]
PATH = {
    RolloutStage.PLANNED: [],
    RolloutStage.PREPARING: [RolloutStage.PREPARING],
    RolloutStage.LIVE: [RolloutStage.PREPARING, RolloutStage.LIVE],
    RolloutStage.SUSTAINED: [RolloutStage.PREPARING, RolloutStage.LIVE, RolloutStage.SUSTAINED],
    RolloutStage.NOT_PROCEEDING: [RolloutStage.NOT_PROCEEDING],
}
EVIDENCE = {
    Enabler.FACILITATING: "The health board's improvement team supports each practice.",
    Enabler.LEADING: "A GP and a practice manager lead it in each cluster, with two sessions.",
    Enabler.LEARNING: "Training days, and a monthly review of the run charts.",
    Enabler.ENGAGING: "The patient panel and the community pharmacies were involved.",
    Enabler.FUNDING: "Transitional funding for six months to run both ways side by side.",
    Enabler.EVALUATING: "Objectives and baselines agreed; the evaluation team reports quarterly.",
}
RATINGS = [EnablerRating.NOT_IN_PLACE, EnablerRating.PARTLY, EnablerRating.IN_PLACE]


def _at(day, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60))))


def _deciders() -> dict[str, int | None]:
    """The person deciding at each health board (by path) and for Wales."""
    deciders = {}
    for unit in OrganisationUnit.objects.filter(kind__in=(Kind.HEALTH_BOARD, Kind.WALES)):
        role = Role.NATIONAL_TEAM if unit.kind == Kind.WALES else Role.HEALTH_BOARD_OFFICER
        person = holder(unit, role)
        deciders[unit.pk] = person.pk if person else None
    return deciders


@transaction.atomic
def scale_ups_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    today = timezone.localdate()
    leads = dict(
        ProjectTeamMember.objects.filter(is_lead=True).values_list("project_id", "person_id")
    )
    candidates = list(
        Project.objects.exclude(status=Stage.PILOT)
        .exclude(pk__in=ScaleUp.objects.values("project_id"))
        .order_by("pk")
        .values_list("pk", "lead_collaborative__path")
    )
    chosen = [row for row in candidates if rng.random() < SHARE] or candidates[:1]
    clusters = list(
        OrganisationUnit.objects.filter(kind=Kind.CLUSTER).order_by("pk").values_list("pk", "path")
    )
    deciders = _deciders()
    scale_ups, plans = [], []
    for number, (project_id, path) in enumerate(chosen):
        # The first is the busiest: approved for all of Wales.
        busiest = number == 0
        footprint = Footprint.WALES if busiest or rng.random() < 0.3 else Footprint.HEALTH_BOARD
        status = ScaleUpStatus.APPROVED if busiest else rng.choices(
            list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values())
        )[0]  # fmt: skip
        target = target_unit_id(path, footprint)
        nominated_on = today - timedelta(days=rng.randrange(30, 400))
        decided = status in (*APPROVED_STATUSES, ScaleUpStatus.DECLINED)
        scale_ups.append(
            {"project_id": project_id, "title": f"Scale-up {number + 1}: the pilot's change",
             "footprint": footprint, "target_unit_id": target, "status": status,
             "case": "Good results in the pilot cluster; others have asked for it.",
             "nominated_at": _at(nominated_on, rng), "nominated_by_id": leads.get(project_id),
             "decision_reasons": "The enablers are in place." if decided else "",
             "conditions": "A named lead in each cluster."
             if status == ScaleUpStatus.APPROVED_WITH_CONDITIONS else "",
             "decided_at": _at(nominated_on + timedelta(days=40), rng) if decided else None,
             "decided_by_id": deciders.get(target) if decided else None}
        )  # fmt: skip
        within = [pk for pk, cluster in clusters if cluster.startswith(path.split("/hb")[0])]
        if footprint == Footprint.HEALTH_BOARD:
            board = "/".join(path.split("/")[:3]) + "/"
            within = [pk for pk, cluster in clusters if cluster.startswith(board)]
        count = len(within) // 2 if busiest else rng.randrange(1, 6)
        sites = rng.sample(within, min(count, len(within))) if status in APPROVED_STATUSES else []
        plans.append((status, nominated_on, sites, leads.get(project_id)))
    before = ScaleUp.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    insert_rows(ScaleUp, scale_ups)
    ids = list(ScaleUp.objects.filter(pk__gt=before).order_by("pk").values_list("pk", flat=True))
    enablers, steps, sites = [], [], []
    for pk, row, (status, nominated_on, named, lead) in zip(ids, scale_ups, plans, strict=True):
        for enabler in Enabler:
            rated = status != ScaleUpStatus.NOMINATED or rng.random() < 0.4
            enablers.append(
                {"scale_up_id": pk, "enabler": enabler,
                 "rating": rng.choice(RATINGS) if rated else "",
                 "evidence": EVIDENCE[enabler] if rated else ""}
            )  # fmt: skip
        if status != ScaleUpStatus.NOMINATED:
            at = _at(nominated_on + timedelta(days=20), rng)
            steps.append(
                {"scale_up_id": pk, "at": at, "actor_id": lead, "from_status": "nominated",
                 "to_status": "assessed", "reason": ""}
            )  # fmt: skip
            if status != ScaleUpStatus.ASSESSED:
                steps.append(
                    {"scale_up_id": pk, "at": row["decided_at"] or at + timedelta(days=5),
                     "actor_id": row["decided_by_id"] or lead, "from_status": "assessed",
                     "to_status": status, "reason": row["decision_reasons"] or "Not now."}
                )  # fmt: skip
        for cluster in named:
            sites.append(
                {"scale_up_id": pk, "cluster_id": cluster, "stage": rng.choice(STAGES),
                 "starts_on": nominated_on + timedelta(days=rng.randrange(60, 200)),
                 "notes": "Practices signed up."}
            )  # fmt: skip
    insert_rows(EnablerAssessment, enablers)
    insert_rows(ScaleUpStatusChange, steps)
    before = RolloutSite.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    insert_rows(RolloutSite, sites)
    site_ids = RolloutSite.objects.filter(pk__gt=before).order_by("pk").values_list("pk", flat=True)
    changes = [
        {"site_id": pk, "at": timezone.now(), "actor_id": None, "from_status": source,
         "to_status": target, "reason": ""}
        for pk, site in zip(site_ids, sites, strict=True)
        for source, target in zip(
            [RolloutStage.PLANNED, *PATH[site["stage"]]], PATH[site["stage"]], strict=False
        )
    ]  # fmt: skip
    insert_rows(RolloutStageChange, changes)
    return {
        "scale-ups": len(scale_ups),
        "enabler assessments": len(enablers),
        "roll-out sites": len(sites),
    }


bench.register_generator("scale-ups", scale_ups_generate, order=110)


# --- The pages ----------------------------------------------------------------------------


def _busiest(context: BenchContext) -> ScaleUp:
    """The first all-Wales scale-up approved: half the clusters of Wales in its roll-out."""
    return context.pick(
        "learning.busiest_scale_up",
        lambda: ScaleUp.objects.filter(
            footprint=Footprint.WALES, status=ScaleUpStatus.APPROVED
        ).order_by("pk").first(),
    )  # fmt: skip


def _open(status):
    def pick(context: BenchContext) -> ScaleUp:
        return context.pick(
            f"learning.{status}",
            lambda: (
                ScaleUp.objects.filter(footprint=Footprint.WALES, status=status)
                .order_by("pk")
                .first()
                or ScaleUp.objects.filter(status=status).order_by("pk").first()
            ),
        )

    return pick


def _national(context: BenchContext) -> Person:
    return context.pick(
        "learning.national",
        lambda: holder(OrganisationUnit.objects.get(kind=Kind.WALES), Role.NATIONAL_TEAM),
    )


def _decider_of(pick):
    def decider(context: BenchContext) -> Person:
        scale_up = pick(context)
        role = Role.NATIONAL_TEAM if scale_up.footprint == Footprint.WALES else (
            Role.HEALTH_BOARD_OFFICER
        )  # fmt: skip
        return holder(scale_up.target_unit, role)

    return decider


def _lead_of_busiest(context: BenchContext) -> Person:
    return (
        ProjectTeamMember.objects.filter(project_id=_busiest(context).project_id)
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _eligible(context: BenchContext) -> Project:
    """A project past its pilot stage with no scale-up: its lead may nominate it."""
    return context.pick(
        "learning.eligible",
        lambda: (
            Project.objects.filter(status__in=(Stage.DELIVERING, Stage.EVALUATING))
            .exclude(pk__in=ScaleUp.objects.values("project_id"))
            .order_by("pk")
            .first()
        ),
    )


def _of(route, pick):
    return lambda context: reverse(route, kwargs={"scale_up_id": pick(context).pk})


_assessed = _open(ScaleUpStatus.ASSESSED)
bench.register_page("scale-ups", url=lambda context: reverse("learning:scale_ups"), user=_national)
bench.register_page("a scale-up (busiest)", url=_of("learning:scale_up", _busiest), user=_national)
bench.register_page(
    "spread table (busiest)", url=_of("learning:scale_up_spread", _busiest), user=_national
)
for _name, _url, _user, _why in [
    ("assess a scale-up", _of("learning:scale_up_assess", _assessed), _decider_of(_assessed),
     "a form of six enablers and one pilot's figures"),
    ("decide on a scale-up", _of("learning:scale_up_decide", _assessed), _decider_of(_assessed),
     "a form and six enablers"),
    ("withdraw a scale-up nomination", _of("learning:scale_up_withdraw", _assessed),
     _decider_of(_assessed), "a blank form"),
    ("add a cluster to a roll-out", _of("learning:rollout_site_add", _busiest), _national,
     "a form (its list of clusters is of Wales, not of the data)"),
    ("a project's scale-ups", lambda context: reverse(
        "learning:project_scale_ups", kwargs={"project_id": _busiest(context).project_id}),
     _lead_of_busiest, "one project's scale-ups"),
    ("nominate for scale-up", lambda context: reverse(
        "learning:scale_up_nominate", kwargs={"project_id": _eligible(context).pk}),
     lambda context: ProjectTeamMember.objects.filter(project=_eligible(context))
     .order_by("-is_lead", "pk").first().person, "a blank form"),
]:  # fmt: skip
    bench.register_page(_name, url=_url, user=_user, does_not_grow=_why)


def _site_url(context: BenchContext) -> str:
    site = RolloutSite.objects.filter(scale_up=_busiest(context)).order_by("pk").first()
    return reverse(
        "learning:rollout_site", kwargs={"scale_up_id": site.scale_up_id, "site_id": site.pk}
    )


bench.register_page(
    "a cluster in a roll-out", url=_site_url, user=_national, does_not_grow="a form of one site"
)
