"""Demonstration scale-up: the Rhondda cluster's inhaler technique checks, nominated by the
cluster lead for all of Wales, assessed against the six enablers and approved by the national
team with conditions, with three clusters named for the roll-out (one preparing, one live). The
spread table then shows the Rhondda as the original pilot site, the roll-out's clusters and any
cluster that has adopted or adapted the project's learning record.

Made through the services after the evaluation demo. Only ever loaded where ARLOESI_DEMO is
on; loading again adds nothing (a pilot already nominated is left as it is). Demo text is in
English, like the projects' (the interface around it is in both languages).
"""

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.learning import services
from arloesi.learning.models import RolloutSite, ScaleUp
from arloesi.learning.vocabulary import Footprint
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.roles import Kind
from arloesi.projects.models import Project

PLANNING_GROUP = "CTM-RCT"
INHALERS = "Inhaler technique checks in community pharmacies"
CLUSTER_LEAD = "cluster.lead@arloesi.example"
NATIONAL_TEAM = "national@arloesi.example"

ASSESSMENT = {
    "facilitating": (
        "partly",
        "The health board's respiratory team trained the Rhondda pharmacists; other boards "
        "have respiratory teams but have not yet offered the training.",
    ),
    "leading": (
        "in_place",
        "A pharmacist lead in each cluster, with one session a week, and the cluster lead "
        "chairing a monthly review.",
    ),
    "learning": (
        "in_place",
        "The check card, a short training video and the PDSA cycles' learning record are ready "
        "to share.",
    ),
    "engaging": (
        "partly",
        "Customers' comment cards were positive; the community pharmacy committees of the "
        "other boards still need to be engaged.",
    ),
    "funding": (
        "not_in_place",
        "Transitional funding is needed to pay for the pharmacist sessions while the checks "
        "are introduced alongside the usual service, and to free up the leads' time.",
    ),
    "evaluating": (
        "in_place",
        "The interim evaluation reports against objectives and baselines; the same measures "
        "will be used in every cluster.",
    ),
}


def load_demo() -> DemoReport:
    project = (
        Project.objects.filter(planning_group__code=PLANNING_GROUP, title=INHALERS)
        .select_related("lead_collaborative")
        .first()
    )
    lead = Person.objects.filter(email=CLUSTER_LEAD).first()
    national = Person.objects.filter(email=NATIONAL_TEAM).first()
    if project is None or lead is None or national is None:
        return DemoReport(notes=["Demo scale-up: the Rhondda pilot was not found."])
    if ScaleUp.objects.filter(project=project).exists():
        return DemoReport(notes=["Demo scale-up: already there."])
    scale_up = services.scale_up_nominate(
        actor=lead,
        project=project,
        footprint=Footprint.WALES,
        title="Inhaler technique checks in every cluster of Wales",
        case="Two in three customers checked now use their inhaler correctly, up from about "
        "half, and the checks fit into collecting a prescription. Every cluster has community "
        "pharmacies and patients with asthma or COPD.",
    )
    scale_up = services.scale_up_assess(
        actor=lead,
        scale_up=scale_up,
        expected_version=scale_up.version,
        enablers=ASSESSMENT,
        complete=True,
    )
    scale_up = services.scale_up_decide(
        actor=national,
        scale_up=scale_up,
        decision="approved_with_conditions",
        reasons="The interim results are good and the materials are ready to share.",
        conditions="Transitional funding agreed with each health board before its clusters go "
        "live; the same measures used in every cluster.",
    )
    pilot = project.lead_collaborative.parent_id
    clusters = list(
        OrganisationUnit.objects.filter(kind=Kind.CLUSTER)
        .exclude(pk=pilot)
        .order_by("path")
        .values_list("pk", flat=True)[:3]
    )
    for number, cluster in enumerate(clusters):
        site = services.rollout_site_add(
            actor=national, scale_up=scale_up, cluster_id=cluster, notes="Pharmacies signed up."
        )
        site.scale_up = scale_up
        for stage in ("preparing", "live")[:number]:
            site = services.rollout_site_update(
                actor=national,
                site=site,
                expected_version=site.version,
                stage=stage,
                starts_on=site.starts_on,
                notes=site.notes,
            )
            site.scale_up = scale_up
    sites = RolloutSite.objects.filter(scale_up=scale_up).count()
    return DemoReport(
        notes=[f"Demo scale-up: the Rhondda inhaler checks approved for Wales, {sites} clusters."]
    )


register_demo("scale-up", load_demo, order=75)
