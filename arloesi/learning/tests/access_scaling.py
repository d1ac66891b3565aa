"""Organisation B's scale-ups for the access walk and the form fuzz: B's project, moved on to
delivering by its lead, is nominated twice. For its health board: assessed and waiting for B's
health board officer's decision, with the marker in its name, case and evidence (only those who
may nominate or decide see it). For all of Wales: approved by the national team, with a cluster
of B in its roll-out — approved scale-ups are seen by everyone signed in, so nothing of it
carries the marker. The project's lead uses the nomination, assessment, withdrawal and roll-out
forms; B's officer the decision."""

from arloesi.learning import services
from arloesi.learning.models import EnablerAssessment, ScaleUp
from arloesi.learning.vocabulary import Enabler, Footprint
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role, wales
from arloesi.projects import services as project_services
from arloesi.projects.vocabulary import Stage

PUBLIC: set = set()


def _scale_up(world, footprint, target, title, text) -> ScaleUp:
    """Written straight to the database: B's project is nominated twice over."""
    scale_up = ScaleUp.objects.create(
        project=world.b_project,
        title=title,
        footprint=footprint,
        target_unit=target,
        case=text,
        nominated_by=world.b_project_lead,
    )
    EnablerAssessment.objects.bulk_create(
        EnablerAssessment(scale_up=scale_up, enabler=enabler) for enabler in Enabler
    )
    return services.scale_up_assess(
        actor=world.b_project_lead,
        scale_up=scale_up,
        expected_version=scale_up.version,
        enablers={e.value: ("partly", f"{e.label}: {text}") for e in Enabler},
        complete=True,
    )


def populate(world) -> None:
    lead, marker = world.b_project_lead, world.marker
    world.b_project = project_services.project_stage_move(
        actor=lead, project=world.b_project, from_stage=Stage.PILOT, to_stage=Stage.DELIVERING
    )
    world.b_officer = person_with_role(
        Role.HEALTH_BOARD_OFFICER, world.b.board, full_name="Officer B"
    )
    world.b_open_scale_up = _scale_up(
        world,
        Footprint.HEALTH_BOARD,
        world.b.board,
        f"Falls checklist in the board {marker}",
        f"Fewer falls in both homes {marker}",
    )
    national = person_with_role(Role.NATIONAL_TEAM, wales(), full_name="National team")
    approved = _scale_up(
        world, Footprint.WALES, wales(), "Falls checklist for Wales", "Fewer falls"
    )
    world.b_approved_scale_up = services.scale_up_decide(
        actor=national, scale_up=approved, decision="approved", reasons="It worked"
    )
    world.b_rollout_site = services.rollout_site_add(
        actor=lead, scale_up=world.b_approved_scale_up, cluster_id=world.b.cluster.pk
    )


def _project(w) -> dict:
    return {"project_id": w.b_project.pk}


def _open(w) -> dict:
    return {"scale_up_id": w.b_open_scale_up.pk}


def _approved(w) -> dict:
    return {"scale_up_id": w.b_approved_scale_up.pk}


PROBES: dict = {
    "learning:project_scale_ups": _project,
    "learning:scale_up_nominate": _project,
    "learning:scale_up": _open,
    "learning:scale_up_assess": _open,
    "learning:scale_up_decide": _open,
    "learning:scale_up_withdraw": _open,
    "learning:scale_up_spread": _open,
    "learning:rollout_site_add": _approved,
    "learning:rollout_site": lambda w: {**_approved(w), "site_id": w.b_rollout_site.pk},
}


def _lead(w):
    return w.b_project_lead


FORM_USERS: dict = {
    **dict.fromkeys(
        (
            "learning:scale_up_nominate",
            "learning:scale_up_assess",
            "learning:scale_up_withdraw",
            "learning:rollout_site_add",
            "learning:rollout_site",
        ),
        _lead,
    ),
    "learning:scale_up_decide": lambda w: w.b_officer,
}
