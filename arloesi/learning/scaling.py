"""What scale-up needs that needs no database: where a unit sits in Wales (from its
materialised path), which pilots are worth scaling, the guidance's prompts for each of the six
enablers, and how complete an assessment is. Pure: no queries."""

from django.utils.translation import gettext_lazy as _

from arloesi.learning.vocabulary import Enabler, EnablerRating, Footprint
from arloesi.projects.vocabulary import Outcome, Stage

# The prompts for each enabler, drawn from the Pacesetter programme's appraisal as the primary
# care guidance on upscaling from pilot projects sets it out ("Encouraging innovation").
PROMPTS = {
    Enabler.FACILITATING: _(
        "Is external facilitation available to the practices and teams taking this up, to "
        "give them extra capacity and expertise for the change?"
    ),
    Enabler.LEADING: _(
        "Are clinical and non-clinical leaders named in each practice or cluster, and given "
        "the time, support and space to reflect on the change?"
    ),
    Enabler.LEARNING: _(
        "Is training in the new skills available, and is there structured reflection on the "
        "evidence as the change is implemented?"
    ),
    Enabler.ENGAGING: _(
        "Are patients, communities and the wider clinical networks engaged throughout, with "
        "enough investment in the infrastructure, capacity and skills this needs?"
    ),
    Enabler.FUNDING: _(
        "Is there transitional funding to run the old and new ways side by side while the "
        "change is introduced, and to free up leaders’ time?"
    ),
    Enabler.EVALUATING: _(
        "Will a robust evaluation give formative and summative findings against clear "
        "objectives and baselines?"
    ),
}


def path_ids(path: str) -> dict[str, int]:
    """``/w1/hb5/pg12/cl40/co300/`` → ``{"w": 1, "hb": 5, "pg": 12, "cl": 40, "co": 300}``."""
    found = {}
    for segment in path.strip("/").split("/"):
        prefix = segment.rstrip("0123456789")
        number = segment[len(prefix) :]
        if prefix and number.isdigit():
            found[prefix] = int(number)
    return found


def target_unit_id(path: str, footprint: str) -> int | None:
    """The unit a scale-up of a pilot at ``path`` goes to: its health board, or Wales."""
    ids = path_ids(path)
    return ids.get("hb") if footprint == Footprint.HEALTH_BOARD else ids.get("w")


def cluster_id(path: str) -> int | None:
    return path_ids(path).get("cl")


def worth_scaling(status: str, outcome: str) -> bool:
    """A pilot may be nominated once it is past its pilot stage (delivering or evaluating, so
    there is evidence to assess), or when it closed as a candidate for scale-up."""
    if status == Stage.CLOSED:
        return outcome == Outcome.SCALE_UP
    return status in (Stage.DELIVERING, Stage.EVALUATING)


def assessment_gaps(ratings: dict[str, tuple[str, str]]) -> dict[str, str]:
    """What must be written before an assessment goes for a decision, by form field:
    ``ratings`` is enabler → (rating, evidence)."""
    gaps = {}
    for enabler in Enabler:
        rating, evidence = ratings.get(enabler.value, ("", ""))
        if rating in ("", EnablerRating.NOT_ASSESSED):
            gaps[f"{enabler.value}_rating"] = _("Select a rating for “%(enabler)s”") % {
                "enabler": enabler.label
            }
        if not (evidence or "").strip():
            gaps[f"{enabler.value}_evidence"] = _("Give the evidence for “%(enabler)s”") % {
                "enabler": enabler.label
            }
    return gaps
