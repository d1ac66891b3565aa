"""What the demo writes: the Rhondda Cynon Taf planning group's local priorities and six
proposals in every state, with the words a newcomer reads on the pages (see demo.py)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from arloesi.organisations.roles import Profession, Role
from arloesi.proposals.models import LocalPriority
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


def financial_year_start(today: date) -> date:
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
        title="Falls-prevention classes in GP practices",
        author=COLLABORATIVE_LEAD,
        collaborative=GMS,
        fields=_complete(
            problem="Falls are the commonest reason older people in Rhondda are admitted.",
            evidence="Strength and balance classes cut falls by about a quarter in trials.",
            population="People over 70 who have fallen in the last year.",
            pitch_hook="Stronger legs, fewer falls.",
            pitch_problem="People who fall once often fall again, and nobody offers them help.",
            pitch_solution="Weekly strength and balance classes in two practices' community rooms.",
            pitch_ask="Fund a physiotherapist's time and a venue for a year.",
            value_for_whom="Older people who have fallen",
            value_need="To stay steady on their feet at home",
            value_offer="Classes near home, booked by their practice",
            value_benefit="Fewer falls and admissions",
            value_unlike="A leaflet after a fall",
            funding_amount=Decimal("12000.00"),
        ),
        priorities=["Frailty and falls prevention"],
        needs=[(Profession.GENERAL_MEDICAL, 40, "Referrals from the practices")],
        state=Outcome.APPROVED,
        scores=[[4, 4, 4, 4, 4, 3, 4], [4, 3, 4, 4, 4, 4, 4]],
        decision={
            "rationale": "A proven approach for a clear local priority.",
            "feedback": "Find the venue early: it held up the last classes in Taff Ely.",
            "meeting_reference": "PCPG meeting, November",
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
