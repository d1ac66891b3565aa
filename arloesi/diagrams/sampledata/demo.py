"""Demo driver diagrams of their own for the Rhondda cluster's people: the cluster lead's
template, shared with everyone, started from the example about same-day care; and the
practitioner's own draft started from the example about care-home admissions. Proposals' and
projects' diagrams come with the demo proposals (proposals/sampledata/demo.py)."""

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.diagrams import library, services
from arloesi.diagrams.models import Diagram
from arloesi.diagrams.vocabulary import OwnerKind
from arloesi.organisations.models import Person

OWN = [
    # (whose, example, title, shared)
    (
        "cluster.lead@arloesi.example",
        "same_day_access",
        "Rhondda cluster: same-day care (template)",
        True,
    ),
    ("practitioner@arloesi.example", "care_home_admissions", "Care homes: my first draft", False),
]


def load_demo() -> DemoReport:
    added = 0
    for email, slug, title, shared in OWN:
        person = Person.objects.filter(email=email).first()
        if person is None or Diagram.objects.filter(created_by=person, title=title).exists():
            continue
        diagram = services.diagram_start(
            actor=person,
            owner_kind=OwnerKind.STANDALONE,
            title=title,
            source=library.example(slug, "en").document,
            example=True,
        )
        if shared:
            services.diagram_share_set(actor=person, diagram=diagram, shared=True)
        added += 1
    return DemoReport(notes=[f"Demo driver diagrams of people's own: {added} added."])


register_demo("diagrams", load_demo, order=15)
