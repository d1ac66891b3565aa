"""Writes to proposals: the app's front door for every change, in its four parts.

Every write is audited (core.audit); every status change goes through the proposal workflow
table and is kept as a ProposalTransition. Who may act: authors write, submit and withdraw
their proposal and invite co-authors, who accept or decline; a sponsoring collaborative's lead
confirms sponsorship; the planning group's chair runs the intake, assigns reviewers and
decides; an assigned reviewer declares interests and scores. A chair who is also an author of a
proposal may not decide on it; a reviewer who is an author may not score it.

Views and other apps import the functions from here, never from the modules behind it.
"""

from arloesi.proposals.services.decisions import (
    decision_record,
    proposal_reopen,
    proposal_request_information,
)
from arloesi.proposals.services.intake import (
    criterion_create,
    criterion_delete,
    criterion_update,
    intake_close,
    intake_open,
    priority_create,
    priority_update,
)
from arloesi.proposals.services.review import (
    conflict_declare,
    review_note_add,
    reviewer_assign,
    score_record,
    scores_record,
)
from arloesi.proposals.services.writing.content import (
    evaluation_plan_update,
    need_add,
    need_remove,
    proposal_create,
    proposal_priorities_set,
    proposal_section_save,
    proposal_update,
)
from arloesi.proposals.services.writing.files import (
    attachment_add,
    attachment_remove,
)
from arloesi.proposals.services.writing.people import (
    co_author_invitation_accept,
    co_author_invitation_decline,
    co_author_invitation_withdraw,
    co_author_invite,
    proposal_author_remove,
    sponsor_add,
    sponsor_confirm,
    sponsor_remove,
)
from arloesi.proposals.services.writing.submission import (
    ScreeningFailedError,
    proposal_resubmit,
    proposal_submit,
    proposal_withdraw,
)

__all__ = [
    "ScreeningFailedError",
    "attachment_add",
    "attachment_remove",
    "co_author_invitation_accept",
    "co_author_invitation_decline",
    "co_author_invitation_withdraw",
    "co_author_invite",
    "conflict_declare",
    "criterion_create",
    "criterion_delete",
    "criterion_update",
    "decision_record",
    "evaluation_plan_update",
    "intake_close",
    "intake_open",
    "need_add",
    "need_remove",
    "priority_create",
    "priority_update",
    "proposal_author_remove",
    "proposal_create",
    "proposal_priorities_set",
    "proposal_reopen",
    "proposal_request_information",
    "proposal_resubmit",
    "proposal_section_save",
    "proposal_submit",
    "proposal_update",
    "proposal_withdraw",
    "review_note_add",
    "reviewer_assign",
    "score_record",
    "scores_record",
    "sponsor_add",
    "sponsor_confirm",
    "sponsor_remove",
]
