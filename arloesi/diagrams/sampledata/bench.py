"""Stand-alone driver diagrams for the benchmark: one of their own for one practitioner in
twenty (a few shared as templates), and the pages that only a diagram's maker sees."""

import random

from django.db import transaction
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.diagrams.models import Diagram
from arloesi.diagrams.sampledata.shapes import shapes, write
from arloesi.diagrams.vocabulary import OwnerKind
from arloesi.organisations.models import Person
from arloesi.organisations.roles import Role

EVERY = 20


@transaction.atomic
def diagrams_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    people = list(
        Person.objects.filter(memberships__role=Role.PRACTITIONER)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )[::EVERY]
    made = shapes(rng, 8)
    diagrams = [
        (
            Diagram(
                owner_kind=OwnerKind.STANDALONE,
                title=f"My plan {number + 1}",
                created_by_id=person,
                shared=number % 5 == 0,
            ),
            made[number % len(made)],
        )
        for number, person in enumerate(people)
    ]
    return write(diagrams)


bench.register_generator("diagrams", diagrams_generate, order=15)


def _own_diagram(context: BenchContext) -> Diagram:
    return context.pick(
        "diagrams.own",
        lambda: Diagram.objects.filter(owner_kind=OwnerKind.STANDALONE).order_by("pk").first(),
    )


def _maker(context: BenchContext):
    return _own_diagram(context).created_by


for _name, _route, _why in [
    ("diagram sharing", "diagrams:share", "a form about one diagram"),
    ("diagram deleting", "diagrams:delete", "a confirmation about one diagram"),
]:
    bench.register_page(
        _name,
        url=lambda context, route=_route: reverse(
            route, kwargs={"diagram_id": _own_diagram(context).pk}
        ),
        user=_maker,
        does_not_grow=_why,
    )
