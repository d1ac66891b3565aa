"""Demonstration learning for the Rhondda cluster, made through the services after the
evaluation demo: the inhaler technique checks' team writes a learning record after its ramp of
PDSA cycles (in English and Welsh, showing the measure's chart), the Rhondda cluster lead
publishes it, and a pharmacist in Taff Ely adapts it for the Taff Ely community pharmacies — a
draft proposal with the original's driver diagram and measures, "Adapted from" the record.

(The demo has no closed project yet: the inhaler checks are still delivering, so the record
follows their ramp.) Only ever loaded where ARLOESI_DEMO is on. Loading again adds nothing.
"""

from arloesi.core.sampledata import DemoReport
from arloesi.learning import services
from arloesi.learning.models import LearningRecord
from arloesi.learning.vocabulary import AdoptionKind
from arloesi.measures.models import Measure
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Role
from arloesi.organisations.sampledata.demo import demo_people_load
from arloesi.projects.models import Project, ProjectTeamMember, Ramp

PLANNING_GROUP = "CTM-RCT"
INHALERS = "Inhaler technique checks in community pharmacies"
ADOPTER = (
    "taffely.pharmacist@arloesi.example",
    "Nia Rees",
    Role.PRACTITIONER,
    "CTM-TAFF-ELY-PHARM",
    "cy",
)

RECORD = {
    "title_en": "Inhaler technique checks at the pharmacy counter",
    "title_cy": "Gwirio techneg anadlydd wrth gownter y fferyllfa",
    "summary_en": "Community pharmacists in the Rhondda offered a five-minute inhaler technique "
    "check to customers collecting an inhaler. A card on the counter doubled the checks "
    "offered, and two in three customers checked now use their inhaler correctly.",
    "summary_cy": "Roedd fferyllwyr cymunedol yn y Rhondda yn cynnig gwiriad pum munud o "
    "dechneg anadlydd i gwsmeriaid a oedd yn casglu anadlydd. Roedd cerdyn ar y cownter yn "
    "dyblu nifer y gwiriadau a gynigiwyd, ac mae dau o bob tri chwsmer a gafodd eu gwirio yn "
    "defnyddio eu hanadlydd yn gywir erbyn hyn.",
    "tried": "Six community pharmacies offered a technique check, using the device's "
    "checklist, to every customer collecting an inhaler; first with a poster, then with a card "
    "on the counter and a script for the counter staff.",
    "worked": "The card on the counter and the script: counter staff asked every customer, and "
    "pharmacists did the check in under five minutes once they had done ten.",
    "did_not_work": "The poster on its own: few customers asked for a check. Busy Monday "
    "mornings: checks were offered to fewer customers.",
    "why": "Customers said yes when someone asked them in person; the checklist made the check "
    "quick enough to fit into collecting a prescription.",
    "results": "The share of customers using their inhaler correctly after a check rose from "
    "about half to two in three, a shift on the run chart after the script was tried.",
    "costs_notes": "Pharmacist sessions and the printed cards; the training was given by the "
    "health board's respiratory team.",
    "recommendations": "Train the counter staff as well as the pharmacists, start in one "
    "pharmacy, and agree with the practices how a pharmacist asks for a patient's review.",
}
TAGS = {
    "priority": ["long_term_conditions", "medicines"],
    "profession": ["pharmacy"],
    "population": ["working_age", "older_people"],
}


def load_records() -> DemoReport:
    project = Project.objects.filter(planning_group__code=PLANNING_GROUP, title=INHALERS).first()
    ramp = Ramp.objects.filter(project=project).order_by("pk").first() if project else None
    if project is None or ramp is None:
        return DemoReport(notes=["Demo learning: no inhaler checks project with a ramp yet."])
    if LearningRecord.objects.filter(project=project).exists():
        return DemoReport(notes=["Demo learning: already loaded."])
    lead = ProjectTeamMember.objects.filter(project=project, is_lead=True).first().person
    record = services.record_create(actor=lead, project=project, ramp=ramp)
    measures = list(
        Measure.objects.filter(
            node__diagram__owner_kind="project", node__diagram__owner_id=project.pk
        ).values_list("pk", flat=True)
    )
    record = services.record_update(
        actor=lead,
        record=record,
        expected_version=record.version,
        tags=TAGS,
        measure_ids=measures[:2],
        costs=4200,
        **RECORD,
    )
    record = services.record_submit(actor=lead, record=record)
    cluster_lead = Person.objects.filter(
        memberships__unit__code="CTM-RHONDDA",
        memberships__role=Role.CLUSTER_LEAD,
        memberships__ended_at__isnull=True,
    ).first()
    record = services.record_approve(actor=cluster_lead, record=record)
    units = {u.code: u for u in OrganisationUnit.objects.filter(code=ADOPTER[3])}
    sign_ins = demo_people_load([ADOPTER], units)
    adopter = Person.objects.get(email=ADOPTER[0])
    services.adoption_start(
        actor=adopter,
        record=record,
        kind=AdoptionKind.ADAPT,
        collaborative=units[ADOPTER[3]],
        title="Inhaler technique checks in Taff Ely pharmacies",
        changes="Checks offered in Welsh and English, and at the flu clinics in the autumn.",
    )
    return DemoReport(
        sign_ins=sign_ins,
        notes=["Demo learning: a published learning record, adapted in Taff Ely."],
    )
