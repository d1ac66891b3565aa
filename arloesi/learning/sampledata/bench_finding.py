"""The search index over everything for the benchmark, and the finding-learning pages to time.

The learning records (``bench_records``) are each on one of the few dozen ``TOPICS`` here. After
every other generator the search index is rebuilt from the sources, as ``arloesi search_reindex``
does.

The search page is timed for a practitioner (with and without words to search for, and "similar
to this one") and signed out."""

import random

from django.urls import reverse

from arloesi.core import bench, search
from arloesi.core.bench import BenchContext
from arloesi.learning.models import LearningRecord
from arloesi.learning.vocabulary import InnovationType, RecordStatus
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role

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


def search_index_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    return {"search documents": search.reindex_all()}


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
# A search shows one page of results at every scale (only the number found grows).
ONE_PAGE = "one page of ten results at every scale; only the number found grows"
bench.register_page(
    "find learning: pharmacy checks",
    url=_find(q="pharmacy+checks"),
    user=_practitioner,
    does_not_grow=ONE_PAGE,
)
bench.register_page(
    "find learning: Welsh words",
    url=_find(q="gwiriadau+fferyllfa", kind="learning_record"),
    user=_practitioner,
)
bench.register_page("find learning: similar", url=_similar, user=_practitioner)
bench.register_page("find learning (signed out)", url=_find(q="falls"), user=lambda context: None)
