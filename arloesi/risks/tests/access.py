"""Organisation B's risk register for the access walk and the form fuzz (tests/walks/): an open
risk on B's cluster register with a further action, and a closed one. B's cluster lead keeps
the register and uses its forms; B's health board officer sets the board's matrix."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import person_with_role
from arloesi.risks.models import RiskAction, RiskEntry

PUBLIC: set = set()


def populate(world) -> None:
    b, marker = world.b, world.marker
    world.b_risk_officer = person_with_role(
        Role.HEALTH_BOARD_OFFICER, b.board, full_name="Risk officer B"
    )
    scores = {
        f"{kind}_{part}": 3
        for kind in ("initial", "current", "target")
        for part in ("consequence", "likelihood")
    }
    world.b_risk = RiskEntry.objects.create(
        unit=b.cluster,
        title=f"Nurse vacancies {marker}",
        description=f"Two posts empty {marker}",
        category="workforce",
        owner=b.lead,
        current_score=9,
        next_review_on=timezone.localdate(),
        created_by=b.lead,
        **scores,
    )
    world.b_risk_action = RiskAction.objects.create(
        entry=world.b_risk, text=f"Advertise the posts {marker}", owner=b.lead
    )
    world.b_closed_risk = RiskEntry.objects.create(
        unit=b.cluster,
        title=f"Old IT {marker}",
        category="information_governance",
        status="closed",
        closed_reason=f"Replaced {marker}",
        current_score=9,
        next_review_on=timezone.localdate(),
        **scores,
    )


def _unit(w) -> dict:
    return {"unit_id": w.b.cluster.pk}


def _entry(w) -> dict:
    return {"entry_id": w.b_risk.pk}


PROBES: dict = {
    "risks:register": _unit,
    "risks:export": lambda w: {"unit_id": w.b.cluster.pk, "file_format": "xlsx"},
    "risks:entry_add": _unit,
    "risks:import": _unit,
    "risks:settings": lambda w: {"unit_id": w.b.board.pk},
    "risks:entry": _entry,
    "risks:history": _entry,
    "risks:entry_edit": _entry,
    "risks:rescore": _entry,
    "risks:status": _entry,
    "risks:review": _entry,
    "risks:escalate": _entry,
    "risks:action_add": _entry,
    "risks:action_done": lambda w: {"entry_id": w.b_risk.pk, "action_id": w.b_risk_action.pk},
}


def _lead(w):
    return w.b.lead


FORM_USERS: dict = {
    **dict.fromkeys(
        (
            "risks:entry_add",
            "risks:import",
            "risks:entry_edit",
            "risks:rescore",
            "risks:status",
            "risks:review",
            "risks:escalate",
            "risks:action_add",
            "risks:action_done",
        ),
        _lead,
    ),
    "risks:settings": lambda w: w.b_risk_officer,
}


def _entry_page(w) -> str:
    return reverse("risks:entry", kwargs=_entry(w))


# The escalate and "Mark as done" buttons are on the entry's page.
FORM_PAGES: dict = {"risks:escalate": _entry_page, "risks:action_done": _entry_page}

# Opening a closed risk again is the same form on the closed risk.
FORM_ARGS: dict = {
    "risks:status": {
        "open": _entry,
        "closed": lambda w: {"entry_id": w.b_closed_risk.pk},
    },
}


def _import_file(world, text: str) -> SimpleUploadedFile:
    """A spreadsheet adding a risk to B's cluster register, titled ``text``."""
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["title", "category", "description", "initial_consequence",
                     "initial_likelihood"])  # fmt: skip
    writer.writerow([text[:200] or "Risk", "other", text, "2", "3"])
    return SimpleUploadedFile("risks.csv", rows.getvalue().encode(), content_type="text/csv")


FORM_FILES: dict = {"risks:import": _import_file}
