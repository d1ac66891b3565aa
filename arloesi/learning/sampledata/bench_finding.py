"""Learning records for the benchmark, the search index over everything, and the finding-learning
pages to time.

About one and a half published learning records per project at scale 1 (some 1,500), each on one
of a few dozen topics, written in English (one in five in Welsh), one in three with a summary in
both languages (public), tagged with a priority area and a kind of innovation. After every other
generator the search index is rebuilt from the sources, as ``arloesi search_reindex`` does.

The search page is timed for a practitioner (with and without words to search for, and "similar
to this one") and signed out."""

import random
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arloesi.core import bench, search
from arloesi.core.bench import BenchContext, insert_rows
from arloesi.learning.models import LearningRecord, RecordTag
from arloesi.learning.vocabulary import InnovationType, RecordStatus
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role
from arloesi.projects.models import Project

RECORDS_PER_PROJECT = 1.6
# (English title, Welsh title, what was tried, priority area)
TOPICS = [
    ("Blood-pressure checks in community pharmacies", "Gwiriadau pwysedd gwaed mewn fferyllfeydd",
     "Pharmacists checked the blood pressure of adults over 40 who came in.", "prevention"),
    ("Inhaler technique checks", "Gwiriadau techneg anadlydd",
     "A five-minute inhaler technique check whenever an inhaler was collected.", "medicines"),
    ("Falls-prevention classes", "Dosbarthiadau atal cwympiadau",
     "Strength and balance classes for older people at risk of falls.", "older_people"),
    ("Social prescribing link workers", "Gweithwyr cyswllt presgripsiynu cymdeithasol",
     "Link workers saw lonely patients and connected them with local groups.", "mental_health"),
    ("Same-day frailty huddles", "Cyfarfodydd eiddilwch yr un diwrnod",
     "The practice team met each morning to plan care for frail patients.", "older_people"),
    ("Text reminders for childhood immunisations", "Negeseuon atgoffa am imiwneiddio plant",
     "Parents were sent text reminders before their child's immunisation.", "children"),
    ("Diabetes foot checks by podiatrists", "Gwiriadau traed diabetes gan bodiatryddion",
     "Podiatrists checked the feet of people with diabetes at the practice.",
     "long_term_conditions"),
    ("Online consultations for working adults", "Ymgynghoriadau ar-lein i oedolion sy'n gweithio",
     "Working adults booked video consultations in the evening.", "digital"),
    ("Shared medication reviews in care homes", "Adolygiadau meddyginiaeth mewn cartrefi gofal",
     "A pharmacist and a GP reviewed the medicines of care-home residents together.",
     "medicines"),
    ("Physiotherapy first contact", "Ffisiotherapi cyswllt cyntaf",
     "Patients with back pain saw a physiotherapist first instead of a GP.", "access"),
    ("Wellbeing sessions for practice staff", "Sesiynau lles i staff practis",
     "Practice staff had monthly wellbeing sessions and peer support.", "workforce"),
    ("Green inhalers switch", "Newid i anadlyddion gwyrdd",
     "Patients were offered dry-powder inhalers with a lower carbon footprint.", "environment"),
]  # fmt: skip
INNOVATIONS = [value for value, _ in InnovationType.choices]


def _records(rng: random.Random, projects: list[tuple[int, int]], count: int, now):
    for number in range(count):
        project_id, cluster_id = projects[number % len(projects)]
        # Every topic at every scale (twelve records at least), so the pages find the same.
        title_en, title_cy, tried, priority = TOPICS[number % len(TOPICS)]
        welsh = rng.random() < 0.2
        public = rng.random() < 0.33
        published = now - timedelta(days=rng.randrange(5 * 365))
        yield (
            {
                "project_id": project_id,
                "cluster_id": cluster_id,
                "status": RecordStatus.PUBLISHED if rng.random() < 0.85 else RecordStatus.DRAFT,
                "title_en": f"{title_en} ({number})",
                "title_cy": f"{title_cy} ({number})" if welsh or public else "",
                "summary_en": f"{tried} What we learnt in cluster {cluster_id}.",
                "summary_cy": f"{title_cy}: yr hyn a ddysgon ni." if welsh or public else "",
                "language": "cy" if welsh else "en",
                "tried": tried,
                "worked": "Patients came back for the follow-up and staff liked the new way.",
                "did_not_work": "Booking by telephone was slow at first.",
                "why": "The team was small and the first weeks were busy.",
                "results": "More patients were seen; the run chart shows a shift after six weeks.",
                "recommendations": "Start small, agree roles early and measure every week.",
                "created_at": published - timedelta(days=30),
                "published_at": published,
                "is_public": public,
                "version": 1,
            },
            priority,
        )


@transaction.atomic
def learning_records_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    projects = list(
        Project.objects.order_by("pk").values_list("pk", "lead_collaborative__parent_id")
    )
    if not projects:
        return {"learning records": 0}
    count = max(12, round(len(projects) * RECORDS_PER_PROJECT))
    made = list(_records(rng, projects, count, timezone.now()))
    insert_rows(LearningRecord, (row for row, _priority in made))
    ids = list(LearningRecord.objects.order_by("pk").values_list("pk", flat=True))[-count:]
    tags = []
    for record_id, (_row, priority) in zip(ids, made, strict=True):
        tags.append({"record_id": record_id, "kind": "priority", "value": priority})
        tags.append(
            {"record_id": record_id, "kind": "innovation", "value": rng.choice(INNOVATIONS)}
        )
    insert_rows(RecordTag, tags)
    return {"learning records": count, "tags": len(tags)}


def search_index_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    return {"search documents": search.reindex_all()}


bench.register_generator("learning records", learning_records_generate, order=150)
# After everything the index finds.
bench.register_generator("search index", search_index_generate, order=1000)


def _practitioner(context: BenchContext) -> Person:
    return context.pick(
        "learning.finding_practitioner",
        lambda: (
            Person.objects.filter(
                memberships__role=Role.PRACTITIONER, memberships__ended_at__isnull=True
            )
            .order_by("pk")
            .first()
        ),
    )


def _find(**params):
    def address(context: BenchContext) -> str:
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return reverse("learning:find") + (f"?{query}" if query else "")

    return address


def _similar(context: BenchContext) -> str:
    record = context.pick(
        "learning.finding_similar",
        lambda: LearningRecord.objects.filter(status=RecordStatus.PUBLISHED).order_by("pk").first(),
    )
    return reverse("learning:find") + f"?like=learning_record:{record.pk}"


bench.register_page("find learning", url=_find(), user=_practitioner)
bench.register_page(
    "find learning: pharmacy checks", url=_find(q="pharmacy+checks"), user=_practitioner
)
bench.register_page(
    "find learning: Welsh words",
    url=_find(q="gwiriadau+fferyllfa", kind="learning_record"),
    user=_practitioner,
)
bench.register_page("find learning: similar", url=_similar, user=_practitioner)
bench.register_page("find learning (signed out)", url=_find(q="falls"), user=lambda context: None)
