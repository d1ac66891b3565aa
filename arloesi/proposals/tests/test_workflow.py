from decimal import Decimal

import pytest
from django.utils import translation

from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.proposals.tests.factories import COMPLETE, EVALUATION
from arloesi.proposals.workflow import (
    PROPOSAL_WORKFLOW,
    Outcome,
    ProposalSnapshot,
    Status,
    screen,
)


def complete(**changes) -> ProposalSnapshot:
    evaluation = {
        ("evaluation_approach" if k == "approach" else k): v for k, v in EVALUATION.items()
    }
    values = {"title": "Eye checks"} | COMPLETE | evaluation
    values |= {"priority_count": 1, "sponsor_names": ["Optometry, Rhondda"]}
    return ProposalSnapshot(**(values | changes))


def fields(result) -> list[str]:
    return [problem.field for problem in result.problems]


# --- The table --------------------------------------------------------------------------------


def test_a_draft_can_only_be_submitted_or_withdrawn():
    assert set(PROPOSAL_WORKFLOW.targets(Status.DRAFT)) == {Status.SUBMITTED, Status.WITHDRAWN}


def test_screening_leads_to_review_and_review_to_every_outcome():
    assert PROPOSAL_WORKFLOW.targets(Status.SUBMITTED) == [Status.SCREENING, Status.WITHDRAWN]
    assert set(PROPOSAL_WORKFLOW.targets(Status.UNDER_REVIEW)) == set(Outcome) | {Status.WITHDRAWN}
    assert PROPOSAL_WORKFLOW.transition(Status.UNDER_REVIEW, Status.APPROVED).permission == (
        "proposals.decide"
    )


def test_more_information_goes_back_to_the_authors_and_returns_by_resubmission():
    assert set(PROPOSAL_WORKFLOW.targets(Status.MORE_INFORMATION_REQUESTED)) == {
        Status.SUBMITTED,
        Status.WITHDRAWN,
    }


def test_a_deferred_proposal_can_be_reopened_by_the_chair():
    step = PROPOSAL_WORKFLOW.transition(Status.DEFERRED, Status.UNDER_REVIEW)
    assert step.permission == "proposals.decide"


@pytest.mark.parametrize(
    "decided", [Status.APPROVED, Status.APPROVED_WITH_CONDITIONS, Status.DECLINED]
)
def test_final_decisions_cannot_be_withdrawn_or_changed(decided):
    assert PROPOSAL_WORKFLOW.is_final(decided)
    with pytest.raises(TransitionNotAllowedError):
        PROPOSAL_WORKFLOW.transition(decided, Status.WITHDRAWN)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (Status.DRAFT, Status.UNDER_REVIEW),
        (Status.DRAFT, Status.APPROVED),
        (Status.SUBMITTED, Status.APPROVED),
        (Status.WITHDRAWN, Status.DRAFT),
        (Status.DECLINED, Status.UNDER_REVIEW),
    ],
)
def test_steps_outside_the_table_are_refused(source, target):
    with pytest.raises(TransitionNotAllowedError):
        PROPOSAL_WORKFLOW.transition(source, target)


# --- Screening --------------------------------------------------------------------------------


def test_a_complete_proposal_passes_screening():
    result = screen(complete())
    assert result.passed, result.problems
    assert result.warnings == []


def test_an_empty_proposal_gets_one_clear_message_per_missing_answer():
    result = screen(ProposalSnapshot())
    messages = [problem.message for problem in result.problems]
    assert "Enter a title for the proposal" in messages
    assert "Choose at least one local priority the proposal serves" in messages
    assert "Add at least one sponsoring professional collaborative" in messages
    assert "Enter the funding needed in pounds, or 0 if none" in messages
    # An absent evaluation plan is one message, not six.
    assert fields(result).count("evaluation") == 1
    assert not {"objectives", "baseline"} & set(fields(result))


def test_without_an_evaluation_plan_a_proposal_cannot_be_submitted():
    no_plan = {
        "objectives": "",
        "baseline": "",
        "success_measures": "",
        "evaluation_approach": "",
        "timescale": "",
        "evaluator": "",
    }
    assert fields(screen(complete(**no_plan))) == ["evaluation"]
    assert fields(screen(complete(baseline=""))) == ["baseline"]


def test_at_least_one_local_priority_is_needed():
    assert fields(screen(complete(priority_count=0))) == ["priorities"]


def test_vulnerable_groups_need_notes_when_flagged():
    assert fields(screen(complete(vulnerable_groups_notes=""))) == ["vulnerable_groups_notes"]
    assert screen(complete(affects_vulnerable_groups=False, vulnerable_groups_notes="")).passed


def test_funding_needs_a_source_and_other_sources_are_named():
    assert fields(screen(complete(funding_source=""))) == ["funding_source"]
    assert screen(complete(funding_amount=Decimal(0), funding_source="")).passed
    assert fields(screen(complete(funding_source="other"))) == ["funding_source_other"]


def test_each_unconfirmed_sponsor_of_a_cross_boundary_proposal_is_named():
    result = screen(
        complete(
            sponsor_names=["GMS, Rhondda", "Pharmacy, Taff Ely"],
            unconfirmed_sponsor_names=["Pharmacy, Taff Ely"],
        )
    )
    assert [p.message for p in result.problems] == [
        "The lead of Pharmacy, Taff Ely has not yet confirmed that their collaborative sponsors "
        "this proposal"
    ]
    # One sponsor alone is not cross-boundary: no confirmation is needed.
    assert screen(complete(unconfirmed_sponsor_names=["Optometry, Rhondda"])).passed


def test_a_closed_intake_is_explained():
    assert fields(screen(complete(intake_open=False))) == ["intake"]


def test_an_nhs_number_in_free_text_warns_without_blocking():
    result = screen(complete(evidence="Patient 943 476 5919 fell twice."))
    assert result.passed
    assert [w.field for w in result.warnings] == ["evidence"]
    assert "looks like it contains an NHS number" in result.warnings[0].message


def test_a_pitch_too_long_to_say_in_two_minutes_warns():
    result = screen(complete(pitch_solution="word " * 300))
    assert result.passed
    assert "to read aloud" in result.warnings[0].message


def test_messages_are_in_the_readers_language():
    with translation.override("cy"):
        welsh = screen(ProposalSnapshot()).problems[0].message
    assert welsh != "Enter a title for the proposal"


def test_the_drawing_at_the_top_of_the_workflow_shows_exactly_the_table():
    drawn = {
        ("draft", "submitted"),
        ("submitted", "screening"),
        ("screening", "under_review"),
        ("under_review", "approved"),
        ("under_review", "approved_with_conditions"),
        ("under_review", "more_information_requested"),
        ("under_review", "deferred"),
        ("under_review", "declined"),
        ("more_information_requested", "submitted"),
        ("deferred", "under_review"),
        *{
            (status, "withdrawn")
            for status in (
                "draft",
                "submitted",
                "screening",
                "under_review",
                "more_information_requested",
                "deferred",
            )
        },
    }
    table = {
        (source, target) for source in Status.values for target in PROPOSAL_WORKFLOW.targets(source)
    }
    assert table == drawn
    from arloesi.proposals import workflow

    for status in Status:
        assert str(status.label).lower() in workflow.__doc__.lower()
