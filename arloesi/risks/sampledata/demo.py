"""Demonstration of a risk register: the Rhondda cluster's, kept by its cluster lead, with six
risks — one scored high enough to go onto the Rhondda Cynon Taf planning group's register, one
on the work the delivery plan could not accommodate, one rescored as things changed, one whose
review is overdue, one closed — all through the services.

Only ever loaded where ARLOESI_DEMO is on, after the organisations demo. Loading again adds
nothing: a register that already has risks is left as it is. Demo text is in English, like the
other demos' (the interface around it is in both languages).
"""

from datetime import timedelta

from django.utils import timezone

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.risks import services
from arloesi.risks.models import RiskEntry
from arloesi.risks.vocabulary import Category, ScoreKind, Status

CLUSTER = "CTM-RHONDDA"
LEAD = "cluster.lead@arloesi.example"
PRACTITIONER = "practitioner@arloesi.example"


def load_demo() -> DemoReport:
    cluster = OrganisationUnit.objects.filter(code=CLUSTER).first()
    lead = Person.objects.filter(email=LEAD).first()
    if cluster is None or lead is None or RiskEntry.objects.filter(unit=cluster).exists():
        return DemoReport(notes=["Demo risk register: already there."])
    pharmacist = Person.objects.filter(email=PRACTITIONER).first()
    today = timezone.localdate()

    def add(title, category, initial, **fields):
        return services.entry_create(
            actor=lead, unit=cluster, title=title, category=category, initial=initial, **fields
        )

    # Scored 4 × 4: reaches the escalation score, so it goes onto the planning group's register.
    add(
        "Practice nurse vacancies put the diabetes reviews at risk",
        Category.WORKFORCE,
        (4, 4),
        target=(3, 2),
        owner=lead,
        description="Three of the cluster’s eleven practice nurse posts are empty.",
        cause="Two retirements and a move to the health board’s community team.",
        effect="Annual diabetes reviews fall behind; more admissions for complications.",
        controls="Locum nurses two days a week; reviews booked by risk.",
    )
    add(
        "Inhaler technique checks cannot all be staffed in March",
        Category.UNADDRESSED,
        (3, 3),
        owner=lead,
        description="The delivery plan needs more pharmacist time than is available.",
        links={
            "Aim": "Fewer COPD admissions in Rhondda by March 2027",
            "Driver": "Patients use their inhalers well",
            "Change idea": "Inhaler technique checks in community pharmacies",
            "Local priority": "Respiratory health",
        },
        gap="40 h of pharmacist time in March",
    )
    falls = add(
        "No venue for the falls-prevention classes",
        Category.OTHER,
        (2, 3),
        owner=lead,
        controls="Asking the leisure centre and two chapels.",
    )
    services.entry_rescore(
        actor=lead,
        entry=falls,
        expected_version=falls.version,
        kind=ScoreKind.CURRENT,
        consequence=3,
        likelihood=4,
        reason="The community room in Treorchy is closed for repairs until the summer.",
    )
    services.action_add(
        actor=lead,
        entry=falls,
        text="Book the leisure centre’s studio for Tuesday mornings",
        owner=pharmacist or lead,
        due_on=today + timedelta(days=14),
    )
    data = add(
        "Searches for the frailty register miss patients after the system change",
        Category.INFORMATION_GOVERNANCE,
        (3, 2),
        owner=lead,
        next_review_on=today - timedelta(days=10),
    )
    done = services.action_add(
        actor=lead, entry=data, text="Ask the health board’s analyst to check the searches"
    )
    services.action_done(actor=lead, action=done, expected_version=done.version)
    add(
        "Funding for the social prescribing pilot is not confirmed for next year",
        Category.FINANCIAL,
        (3, 3),
        target=(3, 1),
        owner=lead,
    )
    closed = add("Reception staff turnover", Category.WORKFORCE, (2, 2), owner=lead)
    services.entry_status_move(
        actor=lead,
        entry=closed,
        from_status=Status.OPEN,
        to_status=Status.CLOSED,
        reason="Two receptionists recruited and trained; turnover back to normal.",
    )
    return DemoReport(notes=["Demo risk register: the Rhondda cluster’s six risks added."])


register_demo("risks", load_demo, order=25)
