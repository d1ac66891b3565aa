"""Proposal pages, in the app's four parts, all in the ``proposals`` namespace: writing them
(/<language>/proposals/…), and what the planning group does with them (/<language>/review/…)."""

from django.urls import include, path, register_converter

from arloesi.proposals.forms.writing import SECTION_FORMS
from arloesi.proposals.views import decisions, intake, review
from arloesi.proposals.views.writing import drafting, files, people, reading, submission


class SectionConverter:
    regex = "|".join(SECTION_FORMS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SectionConverter, "section")

app_name = "proposals"

writing = [
    path("", drafting.proposal_list, name="list"),
    path("new/", drafting.proposal_create, name="create"),
    path("pitch-count/", drafting.pitch_count, name="pitch_count"),
    path("<int:proposal_id>/edit/", drafting.proposal_edit, name="edit"),
    path("<int:proposal_id>/edit/<section:section>/", drafting.proposal_section, name="section"),
    path("<int:proposal_id>/priorities/", drafting.proposal_priorities, name="proposal_priorities"),
    path("<int:proposal_id>/staff/", drafting.proposal_staff, name="staff"),
    path("<int:proposal_id>/staff/<int:need_id>/remove/", drafting.need_remove, name="need_remove"),
    # People
    path("<int:proposal_id>/sponsors/", people.proposal_sponsors, name="sponsors"),
    path(
        "<int:proposal_id>/sponsors/<int:sponsor_id>/remove/",
        people.sponsor_remove,
        name="sponsor_remove",
    ),
    path(
        "<int:proposal_id>/sponsors/<int:sponsor_id>/confirm/",
        people.sponsor_confirm,
        name="sponsor_confirm",
    ),
    path("<int:proposal_id>/authors/", people.proposal_authors, name="authors"),
    path(
        "<int:proposal_id>/authors/<int:author_id>/remove/",
        people.author_remove,
        name="author_remove",
    ),
    path(
        "<int:proposal_id>/authors/invitations/<int:invitation_id>/withdraw/",
        people.co_author_invitation_withdraw,
        name="co_author_invitation_withdraw",
    ),
    path("co-author-invitations/", people.co_author_invitations, name="co_author_invitations"),
    path(
        "co-author-invitations/<int:invitation_id>/",
        people.co_author_invitation_answer,
        name="co_author_invitation_answer",
    ),
    # Files
    path("<int:proposal_id>/attachments/", files.proposal_attachments, name="attachments"),
    path(
        "<int:proposal_id>/attachments/<int:attachment_id>/",
        files.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:proposal_id>/attachments/<int:attachment_id>/remove/",
        files.attachment_remove,
        name="attachment_remove",
    ),
    # Sending it on
    path("<int:proposal_id>/submit/", submission.proposal_submit, name="submit"),
    path("<int:proposal_id>/withdraw/", submission.proposal_withdraw, name="withdraw"),
    path("<int:proposal_id>/resubmit/", submission.proposal_resubmit, name="resubmit"),
    # Reading it
    path("<int:proposal_id>/", reading.proposal_detail, name="detail"),
    path("<int:proposal_id>/similar/", reading.proposal_similar, name="similar"),
    path("<int:proposal_id>/history/", reading.proposal_history, name="history"),
    path("<int:proposal_id>/pitch-pack.pdf", reading.pitch_pack, name="pitch_pack"),
]

planning_group = [
    path("", decisions.review_home, name="review_home"),
    # Intake: local priorities of a planning group or a cluster, the intake and its criteria
    path("units/<int:unit_id>/priorities/", intake.priorities, name="priorities"),
    path("units/<int:unit_id>/priorities/add/", intake.priority_add, name="priority_add"),
    path("priorities/<int:priority_id>/edit/", intake.priority_edit, name="priority_edit"),
    path("planning-groups/<int:unit_id>/intake/", intake.intake, name="intake"),
    path("intakes/<int:intake_id>/criteria/add/", intake.criterion_add, name="criterion_add"),
    path("criteria/<int:criterion_id>/edit/", intake.criterion_edit, name="criterion_edit"),
    path("criteria/<int:criterion_id>/remove/", intake.criterion_remove, name="criterion_remove"),
    # Review: reviewers, and the chair's view of one proposal's reviews
    path("assignments/", review.assignments, name="assignments"),
    path("assignments/<int:assignment_id>/", review.review, name="review"),
    path("proposals/<int:proposal_id>/reviewers/", review.reviewers, name="reviewers"),
    path("proposals/<int:proposal_id>/summary/", review.review_summary, name="review_summary"),
    # Decisions: the ranked queue, its exports, the decision
    path("planning-groups/<int:unit_id>/queue/", decisions.queue, name="queue"),
    path(
        "planning-groups/<int:unit_id>/queue/export/<str:file_format>/",
        decisions.queue_export,
        name="queue_export",
    ),
    path(
        "planning-groups/<int:unit_id>/decisions/export/<str:file_format>/",
        decisions.decisions_export,
        name="decisions_export",
    ),
    path("proposals/<int:proposal_id>/decision/", decisions.decision, name="decision"),
]

urlpatterns = [
    path("proposals/", include(writing)),
    path("review/", include(planning_group)),
]
