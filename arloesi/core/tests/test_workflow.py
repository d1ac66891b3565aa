import pytest

from arloesi.core.workflow import Transition, TransitionNotAllowedError, Workflow

WORKFLOW = Workflow(
    "example",
    [
        Transition("draft", "submitted"),
        Transition("submitted", "approved", "example.decide"),
        Transition("submitted", "declined", "example.decide"),
    ],
)


def test_allowed_transitions_come_from_one_table():
    assert WORKFLOW.targets("submitted") == ["approved", "declined"]
    assert WORKFLOW.transition("submitted", "approved").permission == "example.decide"


def test_anything_else_is_refused():
    with pytest.raises(TransitionNotAllowedError):
        WORKFLOW.transition("draft", "approved")
    with pytest.raises(TransitionNotAllowedError):
        WORKFLOW.transition("approved", "draft")


def test_final_statuses_have_no_way_out():
    assert WORKFLOW.is_final("approved")
    assert not WORKFLOW.is_final("draft")
