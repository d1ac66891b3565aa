"""Review pages, mounted at /<lang>/review/ in the ``proposals`` namespace."""

from django.urls import path

from arloesi.proposals.views import review

urlpatterns: list = [
    path("", review.review_home, name="review_home"),
    # Reviewers
    path("assignments/", review.assignments, name="assignments"),
    path("assignments/<int:assignment_id>/", review.review, name="review"),
    # The planning group's chair
    path("planning-groups/<int:unit_id>/queue/", review.queue, name="queue"),
    path(
        "planning-groups/<int:unit_id>/queue/export/<str:file_format>/",
        review.queue_export,
        name="queue_export",
    ),
    path(
        "planning-groups/<int:unit_id>/decisions/export/<str:file_format>/",
        review.decisions_export,
        name="decisions_export",
    ),
    path("planning-groups/<int:unit_id>/intake/", review.intake, name="intake"),
    path("intakes/<int:intake_id>/criteria/add/", review.criterion_add, name="criterion_add"),
    path("criteria/<int:criterion_id>/edit/", review.criterion_edit, name="criterion_edit"),
    path("criteria/<int:criterion_id>/remove/", review.criterion_remove, name="criterion_remove"),
    path("proposals/<int:proposal_id>/reviewers/", review.reviewers, name="reviewers"),
    path("proposals/<int:proposal_id>/summary/", review.review_summary, name="review_summary"),
    path("proposals/<int:proposal_id>/decision/", review.decision, name="decision"),
    # Local priorities of a planning group or a cluster (its chair or cluster lead)
    path("units/<int:unit_id>/priorities/", review.priorities, name="priorities"),
    path("units/<int:unit_id>/priorities/add/", review.priority_add, name="priority_add"),
    path("priorities/<int:priority_id>/edit/", review.priority_edit, name="priority_edit"),
]
