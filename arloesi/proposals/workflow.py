"""The proposal workflow and the screening checks a proposal must pass to be submitted.

No database: the table below is the one place that says which status may follow which, and
``screen`` judges a ``ProposalSnapshot`` (plain values) so it can be tested and reused without
models. Messages are lazy translations, shown in the reader's language.

    draft ──(authors)──▶ submitted ──(system)──▶ screening ──(system)──▶ under review
                            ▲                                                │
                            │                                  (chair decides)
                            │                                                ▼
                            └──(authors resubmit)── more information requested
                                                    deferred ──(chair reopens)──▶ under review
                                                    approved, approved with conditions,
                                                    declined (final: published)

    draft, submitted, screening, under review, more information requested, deferred
        ──(authors)──▶ withdrawn (final)

The authors submit a draft, resubmit it after more information is requested, and may withdraw
it before a final decision; the system screens it; the chair decides (``proposals.decide``) and
may bring a deferred proposal back under review.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from arloesi.core import nhs_number
from arloesi.core.workflow import Transition, Workflow
from arloesi.projects.vocabulary import InnovationType as InnovationType  # the schedule's too
from arloesi.proposals import scoring

DECIDE = "proposals.decide"


class Status(TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SCREENING = "screening", _("Screening")
    UNDER_REVIEW = "under_review", _("Under review")
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CONDITIONS = "approved_with_conditions", _("Approved with conditions")
    MORE_INFORMATION_REQUESTED = "more_information_requested", _("More information requested")
    DEFERRED = "deferred", _("Deferred")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Outcome(TextChoices):
    """What a chair may decide about a proposal under review."""

    APPROVED = Status.APPROVED.value, Status.APPROVED.label
    APPROVED_WITH_CONDITIONS = (
        Status.APPROVED_WITH_CONDITIONS.value,
        Status.APPROVED_WITH_CONDITIONS.label,
    )
    MORE_INFORMATION_REQUESTED = (
        Status.MORE_INFORMATION_REQUESTED.value,
        Status.MORE_INFORMATION_REQUESTED.label,
    )
    DEFERRED = Status.DEFERRED.value, Status.DEFERRED.label
    DECLINED = Status.DECLINED.value, Status.DECLINED.label


# The authors may change the proposal only while it is with them.
EDITABLE = frozenset({Status.DRAFT, Status.MORE_INFORMATION_REQUESTED})
# Final decisions: published to everyone with a role in Wales (see selectors).
PUBLISHED = frozenset({Status.APPROVED, Status.APPROVED_WITH_CONDITIONS, Status.DECLINED})
STARTS_PROJECT = frozenset({Status.APPROVED, Status.APPROVED_WITH_CONDITIONS})
_BEFORE_DECISION = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.SCREENING,
    Status.UNDER_REVIEW,
    Status.MORE_INFORMATION_REQUESTED,
    Status.DEFERRED,
)

PROPOSAL_WORKFLOW = Workflow(
    "proposal",
    [
        Transition(Status.DRAFT, Status.SUBMITTED),
        Transition(Status.SUBMITTED, Status.SCREENING),
        Transition(Status.SCREENING, Status.UNDER_REVIEW),
        *(Transition(Status.UNDER_REVIEW, Status(outcome), DECIDE) for outcome in Outcome),
        Transition(Status.MORE_INFORMATION_REQUESTED, Status.SUBMITTED),
        Transition(Status.DEFERRED, Status.UNDER_REVIEW, DECIDE),
        *(Transition(status, Status.WITHDRAWN) for status in _BEFORE_DECISION),
    ],
)


class Novelty(TextChoices):
    NEW = "new", _("New")
    IMPROVED = "improved", _("Improved")


class FundingSource(TextChoices):
    CLUSTER_BUDGET = "cluster_budget", _("Cluster budget")
    HEALTH_BOARD = "health_board", _("Health board")
    SPPC_FUND = "sppc_fund", _("Strategic Programme for Primary Care fund")
    OTHER = "other", _("Other")


class EvaluationApproach(TextChoices):
    FORMATIVE = "formative", _("Formative")
    SUMMATIVE = "summative", _("Summative")
    BOTH = "both", _("Formative and summative")


# An elevator pitch longer than this is no longer one.
PITCH_LIMIT_SECONDS = 120

# Free-text fields checked for NHS numbers, with the label a warning names.
FREE_TEXT_FIELDS = {
    "title": _("title"),
    "problem": _("the problem"),
    "evidence": _("evidence for the problem"),
    "population": _("who it is for"),
    "vulnerable_groups_notes": _("vulnerable groups"),
    "pitch_hook": _("elevator pitch: hook"),
    "pitch_problem": _("elevator pitch: problem"),
    "pitch_solution": _("elevator pitch: solution"),
    "pitch_ask": _("elevator pitch: ask"),
    "value_for_whom": _("value proposition: for whom"),
    "value_need": _("value proposition: the need"),
    "value_offer": _("value proposition: the offer"),
    "value_benefit": _("value proposition: the benefit"),
    "value_unlike": _("value proposition: unlike what exists today"),
    "funding_source_other": _("other source of funding"),
    "objectives": _("objectives"),
    "baseline": _("baseline"),
    "success_measures": _("measures that will show success"),
    "timescale": _("timescale"),
    "evaluator": _("who will evaluate"),
}


@dataclass
class ProposalSnapshot:
    """What screening needs to know about a proposal, as plain values."""

    title: str = ""
    problem: str = ""
    evidence: str = ""
    population: str = ""
    affects_vulnerable_groups: bool = False
    vulnerable_groups_notes: str = ""
    innovation_type: str = ""
    novelty: str = ""
    pitch_hook: str = ""
    pitch_problem: str = ""
    pitch_solution: str = ""
    pitch_ask: str = ""
    value_for_whom: str = ""
    value_need: str = ""
    value_offer: str = ""
    value_benefit: str = ""
    value_unlike: str = ""
    funding_amount: Decimal | None = None
    funding_source: str = ""
    funding_source_other: str = ""
    duration_months: int | None = None
    priority_count: int = 0
    sponsor_names: list[str] = field(default_factory=list)
    # Names of sponsoring collaboratives whose lead has not confirmed yet.
    unconfirmed_sponsor_names: list[str] = field(default_factory=list)
    objectives: str = ""
    baseline: str = ""
    success_measures: str = ""
    evaluation_approach: str = ""
    timescale: str = ""
    evaluator: str = ""
    intake_open: bool = True

    @property
    def is_cross_boundary(self) -> bool:
        return is_cross_boundary(len(self.sponsor_names))

    @property
    def pitch_words(self) -> int:
        return scoring.word_count(
            self.pitch_hook, self.pitch_problem, self.pitch_solution, self.pitch_ask
        )


def is_cross_boundary(sponsor_count: int) -> bool:
    """Sponsored by several collaboratives (in one cluster or several)."""
    return sponsor_count > 1


@dataclass(frozen=True)
class Problem:
    """One reason a proposal cannot be submitted yet, tied to the field that needs changing."""

    field: str
    message: str


@dataclass(frozen=True)
class ScreeningResult:
    problems: list[Problem]
    # Worth knowing, but not a reason to refuse the proposal.
    warnings: list[Problem]

    @property
    def passed(self) -> bool:
        return not self.problems


_REQUIRED = [
    ("title", _("Enter a title for the proposal")),
    ("problem", _("Describe the problem the proposal addresses")),
    ("evidence", _("Give the evidence for the problem")),
    ("population", _("Say who the proposal is for")),
    ("innovation_type", _("Select the kind of innovation")),
    ("novelty", _("Select whether the innovation is new or improved")),
    ("pitch_hook", _("Write the hook of the elevator pitch")),
    ("pitch_problem", _("Write the problem part of the elevator pitch")),
    ("pitch_solution", _("Write the solution part of the elevator pitch")),
    ("pitch_ask", _("Write the ask of the elevator pitch")),
    ("value_for_whom", _("Say who the value proposition is for")),
    ("value_need", _("Describe the need in the value proposition")),
    ("value_offer", _("Describe what the proposal offers in the value proposition")),
    ("value_benefit", _("Describe the benefit in the value proposition")),
    ("value_unlike", _("Say how the proposal differs from what exists today")),
]

_EVALUATION_REQUIRED = [
    ("objectives", _("Enter the objectives of the evaluation")),
    ("baseline", _("Describe the baseline the results will be compared with")),
    ("success_measures", _("Enter the measures that will show success")),
    ("evaluation_approach", _("Select a formative or summative approach, or both")),
    ("timescale", _("Enter the timescale of the evaluation")),
    ("evaluator", _("Say who will carry out the evaluation")),
]


def screen(proposal: ProposalSnapshot) -> ScreeningResult:
    """The completeness checks run on submission, in the order the form asks the questions."""
    problems = [
        Problem(name, str(message))
        for name, message in _REQUIRED
        if not str(getattr(proposal, name) or "").strip()
    ]
    if proposal.affects_vulnerable_groups and not proposal.vulnerable_groups_notes.strip():
        problems.append(
            Problem(
                "vulnerable_groups_notes",
                str(_("Describe how the proposal reaches vulnerable groups")),
            )
        )
    if proposal.priority_count < 1:
        problems.append(
            Problem("priorities", str(_("Choose at least one local priority the proposal serves")))
        )
    if not proposal.sponsor_names:
        problems.append(
            Problem("sponsors", str(_("Add at least one sponsoring professional collaborative")))
        )
    elif proposal.is_cross_boundary:
        problems.extend(
            Problem(
                "sponsors",
                str(
                    _(
                        "The lead of %(collaborative)s has not yet confirmed that their "
                        "collaborative sponsors this proposal"
                    )
                    % {"collaborative": name}
                ),
            )
            for name in proposal.unconfirmed_sponsor_names
        )
    problems.extend(_needs_problems(proposal))
    problems.extend(_evaluation_problems(proposal))
    if not proposal.intake_open:
        problems.append(
            Problem(
                "intake",
                str(
                    _(
                        "The planning group is not accepting proposals at the moment: submit it "
                        "when the next intake opens"
                    )
                ),
            )
        )
    return ScreeningResult(problems=problems, warnings=warnings(proposal))


def _needs_problems(proposal: ProposalSnapshot) -> list[Problem]:
    problems = []
    if proposal.funding_amount is None:
        problems.append(
            Problem("funding_amount", str(_("Enter the funding needed in pounds, or 0 if none")))
        )
    elif proposal.funding_amount > 0 and not proposal.funding_source:
        problems.append(
            Problem("funding_source", str(_("Select where the funding is sought from")))
        )
    if proposal.funding_source == FundingSource.OTHER and not proposal.funding_source_other.strip():
        problems.append(
            Problem("funding_source_other", str(_("Say where else the funding is sought from")))
        )
    if not proposal.duration_months:
        problems.append(
            Problem("duration_months", str(_("Enter how many months the work will take")))
        )
    return problems


def _evaluation_problems(proposal: ProposalSnapshot) -> list[Problem]:
    missing = [
        (name, message)
        for name, message in _EVALUATION_REQUIRED
        if not str(getattr(proposal, name) or "").strip()
    ]
    if len(missing) == len(_EVALUATION_REQUIRED):
        return [
            Problem(
                "evaluation",
                str(
                    _(
                        "Add an evaluation plan: a proposal cannot be submitted without one, "
                        "because evaluation is part of every innovation"
                    )
                ),
            )
        ]
    return [Problem(name, str(message)) for name, message in missing]


def warnings(proposal: ProposalSnapshot) -> list[Problem]:
    """NHS-number look-alikes and an overlong pitch: shown, but they do not block submission."""
    found = [
        Problem(
            name,
            str(
                _(
                    "The field “%(field)s” looks like it contains an NHS number. Do not include "
                    "patient-identifiable information: remove it, or reword it if it is not "
                    "an NHS number"
                )
                % {"field": FREE_TEXT_FIELDS[name]}
            ),
        )
        for name in nhs_number.fields_with_numbers(
            {name: str(getattr(proposal, name) or "") for name in FREE_TEXT_FIELDS}
        )
    ]
    seconds = scoring.read_aloud_seconds(proposal.pitch_words)
    if seconds > PITCH_LIMIT_SECONDS:
        found.append(
            Problem(
                "pitch_hook",
                str(
                    _(
                        "The elevator pitch takes about %(seconds)s seconds to read aloud: "
                        "aim for under 2 minutes"
                    )
                    % {"seconds": seconds}
                ),
            )
        )
    return found
