"""The parts of a proposal its authors write, in the order of the task list.

Screening (``workflow.screen``) reports each problem against a field; ``section_of`` finds the part
of the proposal that field is written in, so every problem links to the page that fixes it.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    slug: str
    title: Promise
    # The fields screening reports problems against.
    fields: tuple[str, ...]
    # Written on the shared section page with a form of its own (forms.writing.SECTION_FORMS);
    # otherwise the section has its own page, named by ``page`` (or its slug).
    has_form: bool = False
    optional: bool = False
    page: str = ""

    @property
    def url_name(self) -> str:
        return "proposals:section" if self.has_form else f"proposals:{self.page or self.slug}"

    def url_kwargs(self, proposal_id: int) -> dict:
        if self.has_form:
            return {"proposal_id": proposal_id, "section": self.slug}
        return {"proposal_id": proposal_id}


PITCH_FIELDS = ("pitch_hook", "pitch_problem", "pitch_solution", "pitch_ask")
VALUE_FIELDS = ("value_for_whom", "value_need", "value_offer", "value_benefit", "value_unlike")
FUNDING_FIELDS = ("funding_amount", "funding_source", "funding_source_other", "duration_months")
EVALUATION_FIELDS = (
    "objectives",
    "baseline",
    "success_measures",
    "approach",
    "timescale",
    "evaluator",
)

SECTIONS = [
    Section(
        "problem",
        _("The problem and the evidence"),
        ("title", "problem", "evidence"),
        has_form=True,
    ),
    Section(
        "people",
        _("Who it is for"),
        ("population", "affects_vulnerable_groups", "vulnerable_groups_notes"),
        has_form=True,
    ),
    Section("innovation", _("Kind of innovation"), ("innovation_type", "novelty"), has_form=True),
    Section("pitch", _("Elevator pitch"), PITCH_FIELDS, has_form=True),
    Section("value", _("Value proposition"), VALUE_FIELDS, has_form=True),
    Section("priorities", _("Local priorities"), ("priorities",), page="proposal_priorities"),
    Section("sponsors", _("Sponsoring collaboratives"), ("sponsors",)),
    Section("authors", _("Co-authors"), (), optional=True),
    Section("funding", _("Money and time needed"), FUNDING_FIELDS, has_form=True),
    Section("staff", _("Staff time needed"), (), optional=True),
    Section(
        "evaluation",
        _("Evaluation plan"),
        # Screening names the plan's approach ``evaluation_approach`` (the proposal has none).
        ("evaluation", *EVALUATION_FIELDS, "evaluation_approach"),
        has_form=True,
    ),
    Section("attachments", _("Attachments"), (), optional=True),
]
SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}


def section_of(field: str) -> Section | None:
    return next((section for section in SECTIONS if field in section.fields), None)
