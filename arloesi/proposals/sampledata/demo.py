"""Demonstration proposals for the Rhondda Cynon Taf pan-cluster planning group, made through the
services by the demo people of ``organisations.demo``, so that every page has something to show.

Only ever loaded where ARLOESI_DEMO is on, after the organisations demo. Loading again adds
nothing: each priority and proposal is looked up by its title first. The e-mails the services
send go to the demo people's ``arloesi.example`` addresses (the local mail folder in demo mode).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from arloesi.core.sampledata import DEMO_PASSWORD, DemoReport, register_demo
from arloesi.organisations import services as organisation_services
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Profession, Role
from arloesi.proposals import services
from arloesi.proposals.models import (
    Criterion,
    Intake,
    LocalPriority,
    Proposal,
    ProposalSponsor,
)
from arloesi.proposals.workflow import Outcome

PLANNING_GROUP = "CTM-RCT"
CLUSTER = "CTM-RHONDDA"
PHARMACY = "CTM-RHONDDA-PHARM"
GMS = "CTM-RHONDDA-GMS"

PRACTITIONER = "practitioner@arloesi.example"
COLLABORATIVE_LEAD = "collaborative.lead@arloesi.example"
CLUSTER_LEAD = "cluster.lead@arloesi.example"
MEMBER = "pcpg.member@arloesi.example"
CHAIR = "pcpg.chair@arloesi.example"

# People the proposals need besides one person per role: a second reviewer, and a lead for the
# pharmacy collaborative so that a cross-boundary proposal can be confirmed on both sides.
# (email, name, role, unit code, preferred language)
EXTRA_PEOPLE = [
    ("pcpg.member2@arloesi.example", "Huw Parry", Role.PLANNING_GROUP_MEMBER, PLANNING_GROUP, "en"),
    (
        "pharmacy.lead@arloesi.example",
        "Nia Pritchard",
        Role.COLLABORATIVE_LEAD,
        PHARMACY,
        "cy",
    ),
]
SECOND_MEMBER = "pcpg.member2@arloesi.example"
PHARMACY_LEAD = "pharmacy.lead@arloesi.example"


def _financial_year_start(today: date) -> date:
    return date(today.year if today.month >= 4 else today.year - 1, 4, 1)


# (unit code, English, Welsh, plan it comes from, who sets it)
PRIORITIES = [
    (
        PLANNING_GROUP,
        "Frailty and falls prevention",
        "Eiddilwch ac atal cwympiadau",
        LocalPriority.SourcePlan.PAN_CLUSTER_PLAN,
        CHAIR,
    ),
    (
        PLANNING_GROUP,
        "Same-day access to care",
        "Mynediad at ofal ar yr un diwrnod",
        LocalPriority.SourcePlan.PAN_CLUSTER_PLAN,
        CHAIR,
    ),
    (
        PLANNING_GROUP,
        "Healthy weight",
        "Pwysau iach",
        LocalPriority.SourcePlan.IMTP,
        CHAIR,
    ),
    (
        CLUSTER,
        "Medicines optimisation",
        "Optimeiddio meddyginiaethau",
        LocalPriority.SourcePlan.CLUSTER_PLAN,
        CLUSTER_LEAD,
    ),
    (
        CLUSTER,
        "Childhood immunisation uptake",
        "Cynyddu nifer y plant sy’n cael eu himiwneiddio",
        LocalPriority.SourcePlan.CLUSTER_PLAN,
        CLUSTER_LEAD,
    ),
]

EVALUATION = {
    "objectives": "Show whether the change reaches the people it is meant for and what it changes.",
    "baseline": "The last twelve months of practice and pharmacy data.",
    "success_measures": "Monthly counts against the baseline, on a run chart.",
    "approach": "both",
    "timescale": "Twelve months, with a review at six",
    "evaluator": "Cluster evaluation lead with Cwm Taf Morgannwg’s improvement team",
}


@dataclass
class Spec:
    """One demo proposal and how far it gets."""

    title: str
    author: str
    collaborative: str
    fields: dict
    priorities: list[str]
    needs: list[tuple[str, int, str]]
    state: str  # "draft", "under_review", an Outcome value, or "cross_boundary"
    scores: list[list[int]] = field(default_factory=list)  # one row per reviewer
    decision: dict = field(default_factory=dict)


def _complete(**fields) -> dict:
    return {
        "affects_vulnerable_groups": False,
        "innovation_type": "service",
        "novelty": "improved",
        "funding_source": "cluster_budget",
        "duration_months": 12,
        **fields,
    }


SPECS = [
    Spec(
        title="Blood-pressure checks in community pharmacies",
        author=PRACTITIONER,
        collaborative=PHARMACY,
        fields={
            "problem": "Many adults in the Rhondda have high blood pressure that nobody has found.",
            "population": "Adults over 40 who have not had their blood pressure checked in five "
            "years.",
            "pitch_hook": "One in three adults with high blood pressure does not know it.",
        },
        priorities=["Same-day access to care"],
        needs=[(Profession.COMMUNITY_PHARMACY, 120, "Blood-pressure monitoring")],
        state="draft",
    ),
    Spec(
        title="Same-day frailty huddles",
        author=COLLABORATIVE_LEAD,
        collaborative=GMS,
        fields=_complete(
            problem="Frail patients bounce between practice, out-of-hours and A&E with no plan.",
            evidence="A third of emergency admissions of people over 80 in the cluster last year "
            "had no care plan.",
            population="People over 75 with moderate or severe frailty.",
            affects_vulnerable_groups=True,
            vulnerable_groups_notes="Housebound people and those living alone are seen at home.",
            pitch_hook="Ten minutes a day keeps frail patients out of A&E.",
            pitch_problem="Nobody looks at the whole picture for a frail patient on the day.",
            pitch_solution="A daily huddle of GP, district nurse and pharmacist.",
            pitch_ask="Protected time for the huddle in four practices for a year.",
            value_for_whom="Frail older people and their carers",
            value_need="A joined-up plan on the day they need it",
            value_offer="A daily multidisciplinary huddle",
            value_benefit="Fewer emergency admissions and falls",
            value_unlike="Separate referrals that take days",
            funding_amount=Decimal("18000.00"),
        ),
        priorities=["Frailty and falls prevention", "Same-day access to care"],
        needs=[
            (Profession.GENERAL_MEDICAL, 200, "GP time for the huddle"),
            (Profession.COMMUNITY_NURSING, 150, ""),
        ],
        state="under_review",
        scores=[[5, 4, 5, 3, 4, 4, 4], [4, 4, 4, 3, 3, 4, 5]],
    ),
    Spec(
        title="Inhaler technique checks in community pharmacies",
        author=PRACTITIONER,
        collaborative=PHARMACY,
        fields=_complete(
            problem="Most people with asthma or COPD use their inhaler wrongly.",
            evidence="Two thirds of patients checked in a pilot week used the wrong technique.",
            population="People with asthma or COPD who collect inhalers from Rhondda pharmacies.",
            innovation_type="delivery_method",
            pitch_hook="The right inhaler used the wrong way is the wrong inhaler.",
            pitch_problem="Poor technique means more attacks and more inhalers.",
            pitch_solution="A five-minute technique check whenever an inhaler is collected.",
            pitch_ask="Fund training and time in six pharmacies.",
            value_for_whom="People with asthma or COPD",
            value_need="Inhalers that work",
            value_offer="A quick check where they collect their medicine",
            value_benefit="Fewer attacks and hospital visits",
            value_unlike="An annual review that rarely watches technique",
            funding_amount=Decimal("9500.00"),
        ),
        priorities=["Medicines optimisation"],
        needs=[(Profession.COMMUNITY_PHARMACY, 180, "Inhaler technique")],
        state=Outcome.APPROVED_WITH_CONDITIONS,
        scores=[[4, 5, 3, 4, 5, 4, 5], [5, 4, 3, 4, 4, 3, 5]],
        decision={
            "rationale": "Clear need, low cost and easy to spread to other clusters.",
            "conditions": "Report the number of checks and the technique found every quarter.",
            "feedback": "Share the training materials with Taff Ely’s pharmacy collaborative.",
            "meeting_reference": "PCPG meeting, October",
        },
    ),
    Spec(
        title="Text reminders for childhood immunisations",
        author=COLLABORATIVE_LEAD,
        collaborative=GMS,
        fields=_complete(
            problem="Uptake of the pre-school booster has fallen below 85% in the cluster.",
            evidence="Cluster immunisation dashboard, last four quarters.",
            population="Families with children due a pre-school booster.",
            innovation_type="technology",
            pitch_hook="A text costs pennies; measles costs far more.",
            pitch_problem="Families miss appointments they did not know about.",
            pitch_solution="Two text reminders, in Welsh or English, before each booster.",
            pitch_ask="Fund the text service for a year.",
            value_for_whom="Families with young children",
            value_need="A reminder in their language at the right time",
            value_offer="Automatic bilingual text reminders",
            value_benefit="More children protected",
            value_unlike="Letters that arrive late or not at all",
            funding_amount=Decimal("3000.00"),
        ),
        priorities=["Childhood immunisation uptake"],
        needs=[(Profession.GENERAL_MEDICAL, 40, "Practice manager time")],
        state=Outcome.MORE_INFORMATION_REQUESTED,
        decision={
            "rationale": "Which practices will take part, and how will families choose the "
            "language of their reminders?",
        },
    ),
    Spec(
        title="Weight-management app for pharmacy customers",
        author=PRACTITIONER,
        collaborative=PHARMACY,
        fields=_complete(
            problem="Few adults who want to lose weight are offered any help.",
            evidence="The healthy weight survey for the health board.",
            population="Adults with a body-mass index over 30.",
            innovation_type="product",
            novelty="new",
            pitch_hook="Help to lose weight should be on your phone.",
            pitch_problem="Weight-management services have long waiting lists.",
            pitch_solution="A pharmacy-branded app with weekly check-ins.",
            pitch_ask="Fund the app licence for 500 people.",
            value_for_whom="Adults who want to lose weight",
            value_need="Support without a long wait",
            value_offer="An app with pharmacist check-ins",
            value_benefit="Weight lost and kept off",
            value_unlike="A waiting list of many months",
            funding_amount=Decimal("25000.00"),
            funding_source="health_board",
        ),
        priorities=["Healthy weight"],
        needs=[(Profession.COMMUNITY_PHARMACY, 100, "")],
        state=Outcome.DECLINED,
        scores=[[2, 3, 2, 3, 2, 2, 3], [3, 2, 2, 2, 2, 3, 2]],
        decision={
            "rationale": "The health board is commissioning a weight-management app for all of "
            "Wales this year.",
            "feedback": "Talk to the health board about offering its app in your pharmacies.",
            "meeting_reference": "PCPG meeting, October",
        },
    ),
    Spec(
        title="Shared medication reviews for care-home residents",
        author=PRACTITIONER,
        collaborative=PHARMACY,
        fields=_complete(
            problem="Care-home residents take many medicines that nobody has reviewed together.",
            evidence="Residents in Rhondda care homes take an average of nine medicines.",
            population="Residents of the eleven care homes in the Rhondda.",
            affects_vulnerable_groups=True,
            vulnerable_groups_notes="People with dementia, with their families present.",
            pitch_hook="Nine medicines a day, and nobody has looked at them together.",
            pitch_problem="Reviews by the GP and the pharmacist happen apart.",
            pitch_solution="A joint review by the resident’s GP and a pharmacist.",
            pitch_ask="Sessions for one pharmacist and GP time in every practice.",
            value_for_whom="Care-home residents and their families",
            value_need="Fewer, safer medicines",
            value_offer="A joint GP–pharmacist review twice a year",
            value_benefit="Fewer falls and admissions from side effects",
            value_unlike="Separate reviews that rarely meet",
            funding_amount=Decimal("14000.00"),
        ),
        priorities=["Medicines optimisation", "Frailty and falls prevention"],
        needs=[
            (Profession.COMMUNITY_PHARMACY, 160, "Medication review"),
            (Profession.GENERAL_MEDICAL, 80, ""),
        ],
        state="cross_boundary",
    ),
]


@dataclass
class Setting:
    """The planning group ready for proposals: its people, priorities and an open intake."""

    units: dict[str, OrganisationUnit]
    people: dict[str, Person]
    priorities: dict[str, LocalPriority]
    sign_ins: list[tuple[str, str, str]]


def load_setting() -> Setting:
    """The second reviewer and the pharmacy lead, the local priorities and an open intake (what
    a browser journey needs before it writes its own proposal)."""
    units = {u.code: u for u in OrganisationUnit.objects.filter(code__in=_unit_codes())}
    sign_ins = _extra_people(units)
    people = {p.email: p for p in Person.objects.filter(email__endswith="@arloesi.example")}
    priorities = _priorities(units, people)
    planning_group = units[PLANNING_GROUP]
    if not Intake.objects.filter(planning_group=planning_group).exists():
        services.intake_open(
            actor=people[CHAIR],
            planning_group=planning_group,
            closes_at=timezone.now() + timedelta(days=60),
        )
    return Setting(units=units, people=people, priorities=priorities, sign_ins=sign_ins)


def load_demo() -> DemoReport:
    """Add the demo priorities, intake and proposals that are not there yet."""
    setting = load_setting()
    units, planning_group = setting.units, setting.units[PLANNING_GROUP]
    added = 0
    for spec in SPECS:
        exists = Proposal.objects.filter(
            title=spec.title, lead_collaborative=units[spec.collaborative]
        ).exists()
        if not exists:
            _proposal(spec, units=units, people=setting.people, priorities=setting.priorities)
            added += 1
    total = Proposal.objects.filter(planning_group=planning_group).count()
    return DemoReport(
        sign_ins=setting.sign_ins,
        notes=[
            f"Demo proposals: {added} added, {total} in the {planning_group.name_en} "
            "planning group."
        ],
    )


def _unit_codes() -> list[str]:
    return [PLANNING_GROUP, CLUSTER, PHARMACY, GMS]


def _extra_people(units: dict[str, OrganisationUnit]) -> list[tuple[str, str, str]]:
    sign_ins = []
    for email, name, role, code, language in EXTRA_PEOPLE:
        person = Person.objects.filter(email=email).first()
        if person is None:
            person = Person.objects.create_user(
                email, DEMO_PASSWORD, full_name=name, preferred_language=language
            )
            Person.objects.filter(pk=person.pk).update(is_demo=True)
        organisation_services.membership_grant(
            actor=None, person=person, unit=units[code], role=role
        )
        sign_ins.append((email, str(role.label), units[code].name_en))
    return sign_ins


def _priorities(units, people) -> dict[str, LocalPriority]:
    start = _financial_year_start(timezone.localdate())
    end = date(start.year + 3, 3, 31)
    found = {}
    for code, title_en, title_cy, plan, setter in PRIORITIES:
        priority = LocalPriority.objects.filter(unit=units[code], title_en=title_en).first()
        if priority is None:
            priority = services.priority_create(
                actor=people[setter],
                unit=units[code],
                title_en=title_en,
                title_cy=title_cy,
                source_plan=plan,
                period_start=start,
                period_end=end,
            )
        found[title_en] = priority
    return found


def _proposal(spec: Spec, *, units, people, priorities) -> Proposal:
    author = people[spec.author]
    proposal = services.proposal_create(
        actor=author, collaborative=units[spec.collaborative], title=spec.title, **spec.fields
    )
    services.proposal_priorities_set(
        actor=author, proposal=proposal, priorities=[priorities[t] for t in spec.priorities]
    )
    for profession, hours, skill in spec.needs:
        services.need_add(
            actor=author, proposal=proposal, profession=profession, hours=hours, skill=skill
        )
    if spec.state == "draft":
        return proposal
    services.evaluation_plan_update(
        actor=author, proposal=proposal, expected_version=1, **EVALUATION
    )
    if spec.state == "cross_boundary":
        # Waiting for the GMS collaborative's lead: sign in as them to confirm.
        services.sponsor_add(actor=author, proposal=proposal, collaborative=units[GMS])
        services.sponsor_confirm(
            actor=people[PHARMACY_LEAD],
            sponsor=ProposalSponsor.objects.get(
                proposal=proposal, collaborative=units[spec.collaborative]
            ),
        )
        return proposal
    proposal = services.proposal_submit(actor=author, proposal=proposal)
    chair = people[CHAIR]
    if spec.scores:
        _review(proposal, chair=chair, people=people, scores=spec.scores)
    if spec.state == Outcome.MORE_INFORMATION_REQUESTED:
        services.proposal_request_information(
            actor=chair, proposal=proposal, request=spec.decision["rationale"]
        )
    elif spec.state in Outcome.values:
        services.decision_record(
            actor=chair,
            proposal=proposal,
            outcome=spec.state,
            meeting_date=timezone.localdate(),
            **spec.decision,
        )
    return proposal


def _review(proposal: Proposal, *, chair: Person, people, scores: list[list[int]]) -> None:
    criteria = list(Criterion.objects.filter(intake_id=proposal.intake_id))
    for email, values in zip([MEMBER, SECOND_MEMBER], scores, strict=False):
        assignment = services.reviewer_assign(
            actor=chair, proposal=proposal, reviewer=people[email]
        )
        services.conflict_declare(actor=people[email], assignment=assignment, has_conflict=False)
        for criterion, value in zip(criteria, values, strict=False):
            services.score_record(
                actor=people[email],
                assignment=assignment,
                criterion=criterion,
                value=value,
                comment=_comment(value),
            )


def _comment(value: int) -> str:
    return {
        1: "Little evidence for this.",
        2: "Some concerns: see my notes to the chair.",
        3: "Reasonable, though the plan could say more.",
        4: "Strong, with a clear plan.",
        5: "Excellent: this is exactly what our plan asks for.",
    }[value]


register_demo("proposals", load_demo, order=20)
