"""Adopting B's published learning record, for the access walk and the form fuzz: anyone in
Wales who writes proposals may adopt it (B's project lead uses the form); the comparison shows
the original project's charts only by its cluster's name to those who may not see it."""

PUBLIC: set = set()


def populate(world) -> None:
    """The published record is made by ``access_records``."""


def _published(w) -> dict:
    return {"record_id": w.b_record_published.pk}


PROBES: dict = {
    "learning:adopt": _published,
    "learning:adoption_compare": _published,
}

FORM_USERS: dict = {"learning:adopt": lambda w: w.b_project_lead}
