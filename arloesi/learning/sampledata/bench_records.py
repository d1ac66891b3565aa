"""Learning records for the benchmark, adoptions of them, and their pages to time.

About 1,500 records at scale 1 (some 1.6 a project): most published (three in five of those in
both languages, so public), the rest drafts, waiting for approval or withdrawn; each with a
handful of tags. Draft proposals that nobody has adopted yet are linked to published records as
their adoptions (a third of them), the busiest record taking a share that grows with the data.

The busiest record is the first record of the project with the busiest measure (260 weekly
points), published, showing that measure's chart; its page is timed for the project's lead.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench
from arloesi.core.bench import BenchContext, insert_rows
from arloesi.learning import services
from arloesi.learning.models import (
    Adoption,
    LearningRecord,
    RecordStatusChange,
    RecordTag,
    Resource,
)
from arloesi.learning.sampledata.bench_finding import TOPICS
from arloesi.learning.vocabulary import (
    AdoptionKind,
    InnovationType,
    PopulationGroup,
    PriorityArea,
    Profession,
    RecordStatus,
)
from arloesi.measures.models import Measure
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata.bench import holder
from arloesi.projects.models import Project, ProjectTeamMember
from arloesi.proposals.models import Proposal
from arloesi.proposals.workflow import Status as ProposalStatus

RECORDS_PER_PROJECT = 1.6
STATUS_WEIGHTS = {
    RecordStatus.PUBLISHED: 70,
    RecordStatus.DRAFT: 15,
    RecordStatus.SUBMITTED: 10,
    RecordStatus.WITHDRAWN: 5,
}
TEXTS = {
    "tried": "A weekly clinic run by the cluster pharmacist, with invitations from the register.",
    "worked": "Inviting by text message; seeing patients in their own practice.",
    "did_not_work": "Evening sessions: few patients came.",
    "why": "Patients preferred daytime appointments near home.",
    "results": "The run chart shows a shift after the third cycle.",
    "costs_notes": "Two pharmacist sessions a week and printed materials.",
    "recommendations": "Start with one practice and its register; add others once it works.",
}
TAGS = {
    RecordTag.Kind.PRIORITY: PriorityArea.values,
    RecordTag.Kind.INNOVATION: InnovationType.values,
    RecordTag.Kind.PROFESSION: Profession.values,
    RecordTag.Kind.POPULATION: PopulationGroup.values,
}


def _at(day, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60))))


def _busiest_project_id() -> int | None:
    """The project with the busiest measure (the measures generator's first project)."""
    measure = Measure.objects.order_by("pk").select_related("node__diagram").first()
    return measure.node.diagram.owner_id if measure else None


def _record(project, status, rng, today, *, lead, number) -> dict:
    created = min(today - timedelta(days=3), timezone.localdate(project.started_at))
    created += timedelta(days=rng.randrange(30, 300))
    created = min(created, today - timedelta(days=2))
    published = status in (RecordStatus.PUBLISHED, RecordStatus.WITHDRAWN)
    bilingual = published and rng.random() < 0.6
    title = f"{project.title} – learning {number}"
    # One of a few dozen topics, so that searching finds some records and not others.
    topic_en, topic_cy, tried, _priority = TOPICS[rng.randrange(len(TOPICS))]
    return {
        "project_id": project.pk,
        "cluster_id": project.lead_collaborative.parent_id,
        "status": status,
        "title_en": title[:200],
        "title_cy": f"Dysgu {number}: {project.title}"[:200] if bilingual else "",
        "summary_en": f"{topic_en}: what the cluster tried, what worked and what it would do "
        "again.",
        "summary_cy": f"{topic_cy}: beth roddodd y clwstwr ar brawf, beth weithiodd a beth "
        "fyddai’n ei wneud eto."
        if bilingual
        else "",
        "language": "en",
        **TEXTS,
        "tried": tried,
        "costs": Decimal(rng.randrange(2_000, 60_000)),
        "created_at": _at(created, rng),
        "created_by_id": lead,
        "published_at": _at(created + timedelta(days=1), rng) if published else None,
        "is_public": bilingual and status == RecordStatus.PUBLISHED,
        "version": 1,
    }


def _steps(record_id: int, record: dict) -> list[dict]:
    at, actor = record["created_at"], record["created_by_id"]
    path = {
        RecordStatus.DRAFT: [],
        RecordStatus.SUBMITTED: [RecordStatus.SUBMITTED],
        RecordStatus.PUBLISHED: [RecordStatus.SUBMITTED, RecordStatus.PUBLISHED],
        RecordStatus.WITHDRAWN: [
            RecordStatus.SUBMITTED,
            RecordStatus.PUBLISHED,
            RecordStatus.WITHDRAWN,
        ],
    }[record["status"]]
    steps, before = [], RecordStatus.DRAFT
    for hours, status in enumerate(path, start=1):
        steps.append(
            {"record_id": record_id, "at": at + timedelta(hours=hours), "actor_id": actor,
             "from_status": before, "to_status": status,
             "reason": "Out of date." if status == RecordStatus.WITHDRAWN else ""}
        )  # fmt: skip
        before = status
    return steps


def _tags(record_id: int, rng: random.Random) -> list[dict]:
    rows = []
    for kind, values in TAGS.items():
        for value in rng.sample(values, rng.randrange(1, 3)):
            rows.append({"record_id": record_id, "kind": kind, "value": value})
    return rows


@transaction.atomic
def learning_records_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    today = timezone.localdate()
    busiest = _busiest_project_id()
    leads = dict(
        ProjectTeamMember.objects.filter(is_lead=True).values_list("project_id", "person_id")
    )
    projects = list(
        Project.objects.select_related("lead_collaborative")
        .order_by("pk")
        .only("pk", "title", "started_at", "lead_collaborative__parent")
    )
    records = []
    for project in projects:
        count = 2 if project.pk == busiest else int(RECORDS_PER_PROJECT + rng.random())
        for number in range(1, count + 1):
            status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
            if project.pk == busiest:
                # The busiest: its first record published, its second a draft to write.
                status = RecordStatus.PUBLISHED if number == 1 else RecordStatus.DRAFT
            records.append(
                _record(project, status, rng, today, lead=leads.get(project.pk), number=number)
            )
    before = LearningRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    insert_rows(LearningRecord, records)
    ids = list(
        LearningRecord.objects.filter(pk__gt=before).order_by("pk").values_list("pk", flat=True)
    )
    steps = insert_rows(
        RecordStatusChange,
        (step for pk, record in zip(ids, records, strict=True) for step in _steps(pk, record)),
    )
    tags = insert_rows(RecordTag, (tag for pk in ids for tag in _tags(pk, rng)))
    published = [
        pk
        for pk, record in zip(ids, records, strict=True)
        if record["status"] == RecordStatus.PUBLISHED
    ]
    busiest_record = next(
        (
            pk
            for pk, record in zip(ids, records, strict=True)
            if record["project_id"] == busiest and record["status"] == RecordStatus.PUBLISHED
        ),
        None,
    )
    if busiest_record is not None:
        measure = Measure.objects.order_by("pk").first()
        LearningRecord.measures.through.objects.create(
            learningrecord_id=busiest_record, measure_id=measure.pk
        )
        # Publishing keeps the record's charts as drawn that day (services.results_keep);
        # records written in bulk skip the service, so the busiest, whose page is timed, is
        # kept here as publishing would have kept it.
        # Published today, its chart has every point of the busiest measure.
        LearningRecord.objects.filter(pk=busiest_record).update(published_at=timezone.now())
        services.results_keep(LearningRecord.objects.get(pk=busiest_record))
    adoptions = _adoptions(published, busiest_record, rng, today)
    return {"learning records": len(records), "record tags": tags, "record steps": steps,
            "adoptions": adoptions}  # fmt: skip


def _adoptions(published: list[int], busiest: int | None, rng, today) -> int:
    if not published:
        return 0
    drafts = list(
        Proposal.objects.filter(status=ProposalStatus.DRAFT)
        .exclude(pk__in=Adoption.objects.values("proposal_id"))
        .select_related("lead_collaborative")
        .order_by("pk")
        .only("pk", "lead_collaborative__parent", "created_by")
    )
    rows = []
    for index, proposal in enumerate(drafts):
        if rng.random() > 1 / 3:
            continue
        record = busiest if busiest and index % 4 == 0 else rng.choice(published)
        adapted = rng.random() < 0.5
        rows.append(
            {"record_id": record, "kind": AdoptionKind.ADAPT if adapted else AdoptionKind.ADOPT,
             "cluster_id": proposal.lead_collaborative.parent_id, "proposal_id": proposal.pk,
             "changes": "Run by the community pharmacies instead." if adapted else "",
             "created_at": _at(today - timedelta(days=rng.randrange(1, 90)), rng),
             "created_by_id": proposal.created_by_id}
        )  # fmt: skip
    return insert_rows(Adoption, rows)


bench.register_generator("learning records", learning_records_generate, order=110)


# --- The pages ----------------------------------------------------------------------------


def _busiest_record(context: BenchContext) -> LearningRecord:
    return context.pick(
        "learning.busiest_record",
        lambda: (
            LearningRecord.objects.filter(
                project_id=_busiest_project_id(), status=RecordStatus.PUBLISHED
            )
            .order_by("pk")
            .first()
        ),
    )


def _of_status(status):
    def pick(context: BenchContext) -> LearningRecord:
        if status == RecordStatus.DRAFT:
            return context.pick(
                "learning.busiest_draft",
                lambda: LearningRecord.objects.filter(
                    project_id=_busiest_project_id(), status=RecordStatus.DRAFT
                ).first(),
            )
        return context.pick(
            f"learning.{status}", lambda: LearningRecord.objects.filter(status=status).first()
        )

    return pick


def _lead_of(record_pick):
    def lead(context: BenchContext) -> Person:
        return (
            ProjectTeamMember.objects.filter(project_id=record_pick(context).project_id)
            .order_by("-is_lead", "pk")
            .first()
            .person
        )

    return lead


def _cluster_lead(context: BenchContext) -> Person:
    record = _of_status(RecordStatus.SUBMITTED)(context)
    return holder(record.cluster, Role.CLUSTER_LEAD)


def _national(context: BenchContext) -> Person:
    wales = context.pick("learning.wales", lambda: OrganisationUnit.objects.get(kind=Kind.WALES))
    return holder(wales, Role.NATIONAL_TEAM)


def _adopter(context: BenchContext) -> Person:
    """A practitioner of a collaborative, who may adopt (and read every published record)."""
    return context.pick(
        "learning.adopter",
        lambda: (
            Person.objects.filter(
                memberships__role=Role.PRACTITIONER, memberships__ended_at__isnull=True
            )
            .order_by("pk")
            .first()
        ),
    )


def _record_url(route, pick=_busiest_record):
    return lambda context: reverse(route, kwargs={"record_id": pick(context).pk})


_lead = _lead_of(_busiest_record)
_draft = _of_status(RecordStatus.DRAFT)
_submitted = _of_status(RecordStatus.SUBMITTED)

bench.register_page("a learning record (busiest)", url=_record_url("learning:record"), user=_lead)
bench.register_page(
    "learning records published in Wales",
    url=lambda context: reverse("learning:published"),
    user=_adopter,
)
bench.register_page(
    "learning records published in Wales (signed out)",
    url=lambda context: reverse("learning:published"),
    user=lambda context: None,
)
bench.register_page(
    "a project's learning records",
    url=lambda context: reverse(
        "learning:project_records", kwargs={"project_id": _busiest_record(context).project_id}
    ),
    user=_lead,
    does_not_grow="one project's two records",
)
bench.register_page(
    "write a learning record",
    url=_record_url("learning:record_edit", _draft),
    user=_lead_of(_draft),
    does_not_grow="a form of one record",
)
bench.register_page(
    "a learning record's history",
    url=_record_url("learning:record_history"),
    user=_lead,
    does_not_grow="one record's changes",
)
bench.register_page(
    "return a learning record",
    url=_record_url("learning:record_return", _submitted),
    user=_cluster_lead,
    does_not_grow="a blank form",
)
bench.register_page(
    "withdraw a learning record",
    url=_record_url("learning:record_withdraw"),
    user=_lead,
    does_not_grow="a blank form",
)
bench.register_page(
    "adopt or adapt an innovation",
    url=_record_url("learning:adopt"),
    user=_adopter,
    does_not_grow="a form: the person's own collaboratives",
)
bench.register_page(
    "results across the adopting clusters",
    url=_record_url("learning:adoption_compare"),
    user=_lead,
    does_not_grow="the adopters' projects are drafts: only the original's chart",
)
bench.register_page(
    "learning records waiting for approval",
    url=lambda context: reverse("learning:waiting"),
    user=_cluster_lead,
    does_not_grow="one cluster's few records waiting, the same share at every scale",
)
bench.register_page(
    "resources library",
    url=lambda context: reverse("learning:resources"),
    user=_adopter,
    does_not_grow="the seeded library, the same at every scale",
)
bench.register_page(
    "add a resource",
    url=lambda context: reverse("learning:resource_add"),
    user=_national,
    does_not_grow="a blank form",
)
bench.register_page(
    "change a resource",
    url=lambda context: reverse(
        "learning:resource_edit",
        kwargs={"resource_id": context.pick("learning.resource", Resource.objects.first).pk},
    ),
    user=_national,
    does_not_grow="a form of one resource",
)
