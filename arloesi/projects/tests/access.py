"""Organisation B's project for the access walk and the form fuzz (tests/walks/): a project
started by the planning group's approval, led by its author, with a milestone, a progress
update, a condition to close and a ramp of PDSA cycles. Each part of the app names its URLs in
its own module (``access_running``, ``access_cycles``, ``access_monitoring``); this one joins
them."""

from datetime import timedelta

from django.utils import timezone

from arloesi.diagrams.tests.factories import CARE_HOMES, approved, proposal_with_diagram
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.projects.models import Milestone, PdsaCycle, ProgressUpdate, ProjectCondition, Ramp
from arloesi.projects.tests import access_cycles, access_monitoring, access_running
from arloesi.proposals import selectors as proposal_selectors
from arloesi.proposals import services as proposal_services
from arloesi.proposals.models import LocalPriority
from arloesi.proposals.tests.factories import Setting

PARTS = (access_running, access_cycles, access_monitoring)


def populate(world) -> None:
    b, marker = world.b, world.marker
    today = timezone.localdate()
    chair = person_with_role(Role.PLANNING_GROUP_CHAIR, b.planning_group, full_name="Chair PB")
    s = Setting(
        planning_group=b.planning_group,
        cluster=b.cluster,
        collaborative=b.collaborative,
        author=person_with_role(Role.PRACTITIONER, b.collaborative, full_name="Project lead B"),
        chair=chair,
        reviewers=[],
        priority=proposal_services.priority_create(
            actor=chair,
            unit=b.planning_group,
            title_en=f"Fewer falls {marker}",
            title_cy=f"Llai o gwympiadau {marker}",
            source_plan=LocalPriority.SourcePlan.PAN_CLUSTER_PLAN,
            period_start=today - timedelta(days=30),
            period_end=today + timedelta(days=365),
        ),
    )
    # The approved proposal and its diagram are published to everyone in Wales: no marker there.
    proposal, _diagram = proposal_with_diagram(s, CARE_HOMES)
    world.b_project = project = approved(s, proposal)
    # The intake it went through closes, so the proposals app's part of B can open its own.
    proposal_services.intake_close(
        actor=chair, intake=proposal_selectors.intake_current(planning_group=b.planning_group)
    )
    project.title = f"Falls in care homes {marker}"
    project.save(update_fields=["title"])
    world.b_project_lead = s.author
    world.b_milestone = Milestone.objects.create(
        project=project, title=f"Checklist agreed {marker}", due_on=today + timedelta(days=20)
    )
    world.b_update = ProgressUpdate.objects.create(
        project=project, author=s.author, text=f"Two homes signed up {marker}"
    )
    world.b_condition = ProjectCondition.objects.create(
        project=project, text=f"Report to the cluster {marker}"
    )
    world.b_ramp = Ramp.objects.create(
        project=project, change_idea=f"Falls checklist {marker}", created_by=s.author
    )
    world.b_cycle = PdsaCycle.objects.create(
        project=project,
        ramp=world.b_ramp,
        number=1,
        title=f"One resident {marker}",
        objective=f"See if the checklist fits {marker}",
        planned_start_on=today - timedelta(days=3),
        planned_end_on=today + timedelta(days=4),
        owner=s.author,
    )
    for part in PARTS:
        part.populate(world)


def _joined(name: str) -> dict:
    joined: dict = {}
    for part in PARTS:
        joined.update(getattr(part, name, {}))
    return joined


PUBLIC: set = set().union(*(getattr(part, "PUBLIC", set()) for part in PARTS))
PROBES = _joined("PROBES")
FORM_USERS = _joined("FORM_USERS")
FORM_ARGS = _joined("FORM_ARGS")
FORM_VALUES = _joined("FORM_VALUES")
FORM_FILES = _joined("FORM_FILES")
FORM_PAGES = _joined("FORM_PAGES")
