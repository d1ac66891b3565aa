"""Organisation B's learning records for the access walk and the form fuzz: on B's project (made
by the projects app's part of the world), after its ramp of PDSA cycles, a draft and a record
waiting for approval (both marked: only B's team and cluster lead read them), and a published
record — shared with all of Wales, so nothing of B's marked data is in it, and no charts."""

from django.urls import reverse

from arloesi.learning import services
from arloesi.learning.tests.factories import complete_values

# The published records in Wales: anyone may open the list; a record itself opens without
# signing in only when it is public (the probe's draft sends a visitor to sign in).
PUBLIC = {"learning:published", "learning:record"}


def _written(world, values: dict):
    lead = world.b_project_lead
    record = services.record_create(actor=lead, project=world.b_project, ramp=world.b_ramp)
    return services.record_update(
        actor=lead, record=record, expected_version=record.version, **values
    )


def populate(world) -> None:
    marker = world.marker
    lead, approver = world.b_project_lead, world.b.lead
    world.b_record_draft = _written(
        world, complete_values(title_en=f"Checklists {marker}", tried=f"A checklist {marker}")
    )
    submitted = _written(world, complete_values(title_en=f"Waiting {marker}"))
    world.b_record_submitted = services.record_submit(actor=lead, record=submitted)
    published = _written(
        world,
        complete_values(title_cy="Gwirio cwympiadau", summary_cy="Gwirio meddyginiaethau."),
    )
    published = services.record_submit(actor=lead, record=published)
    world.b_record_published = services.record_approve(actor=approver, record=published)


def _draft(w) -> dict:
    return {"record_id": w.b_record_draft.pk}


def _submitted(w) -> dict:
    return {"record_id": w.b_record_submitted.pk}


def _published(w) -> dict:
    return {"record_id": w.b_record_published.pk}


PROBES: dict = {
    "learning:project_records": lambda w: {"project_id": w.b_project.pk},
    "learning:record": _draft,
    "learning:record_edit": _draft,
    "learning:record_submit": _draft,
    "learning:record_history": _draft,
    "learning:record_approve": _submitted,
    "learning:record_return": _submitted,
    "learning:record_withdraw": _published,
}


def _lead(w):
    return w.b_project_lead


def _cluster_lead(w):
    return w.b.lead


FORM_USERS: dict = {
    "learning:project_records": _lead,
    "learning:record_edit": _lead,
    "learning:record_submit": _lead,
    "learning:record_withdraw": _lead,
    "learning:record_approve": _cluster_lead,
    "learning:record_return": _cluster_lead,
}

# "Send for approval" and "Approve and publish" are buttons on the record's page.
FORM_PAGES: dict = {
    "learning:record_submit": lambda w: reverse("learning:record", kwargs=_draft(w)),
    "learning:record_approve": lambda w: reverse("learning:record", kwargs=_submitted(w)),
}
