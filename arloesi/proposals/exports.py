"""The spreadsheets a planning group's chair downloads: the ranked queue and the decisions.

The chair's own proposals come after the ranked ones, unranked and without scores, as on the
queue page."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from arloesi.core.exports import Column


def _score(value) -> float | None:
    return None if value is None else round(value, 2)


QUEUE_COLUMNS = [
    Column(gettext_lazy("Rank"), lambda row: row.rank),
    Column(gettext_lazy("Title"), lambda row: row.proposal.title),
    Column(gettext_lazy("Lead collaborative"), lambda row: row.proposal.lead_collaborative.name),
    Column(
        gettext_lazy("Cross-boundary"),
        lambda row: _("Yes") if row.proposal.is_cross_boundary else _("No"),
    ),
    Column(gettext_lazy("Status"), lambda row: row.proposal.get_status_display()),
    Column(gettext_lazy("Reviewers who scored"), lambda row: row.summary.reviewers_complete),
    Column(gettext_lazy("Reviewers whose scores count"), lambda row: row.reviewers_counted),
    Column(
        gettext_lazy("Weighted score"),
        lambda row: None if row.is_own else _score(row.summary.weighted_score),
    ),
    Column(gettext_lazy("Spread"), lambda row: None if row.is_own else _score(row.summary.spread)),
    Column(
        gettext_lazy("Not ranked"),
        lambda row: _("You are an author of this proposal") if row.is_own else "",
    ),
]

DECISION_COLUMNS = [
    Column(gettext_lazy("Title"), lambda d: d.proposal.title),
    Column(gettext_lazy("Lead collaborative"), lambda d: d.proposal.lead_collaborative.name),
    Column(gettext_lazy("Decision"), lambda d: d.get_outcome_display()),
    Column(gettext_lazy("Decided on"), lambda d: timezone.localtime(d.decided_at).date()),
    Column(gettext_lazy("Decided by"), lambda d: d.decided_by.full_name),
    Column(gettext_lazy("Reasons for the decision"), lambda d: d.rationale),
    Column(gettext_lazy("Conditions"), lambda d: d.conditions),
    Column(gettext_lazy("Feedback for the authors"), lambda d: d.feedback),
    Column(gettext_lazy("Meeting"), lambda d: d.meeting_reference),
    Column(gettext_lazy("Meeting date"), lambda d: d.meeting_date),
]
