"""Proposal pages. Authoring (authors, sponsors) and review (reviewers, chairs) live in their own
modules; both share the ``proposals`` namespace."""

from django.urls import include, path

app_name = "proposals"

urlpatterns = [
    path("proposals/", include("arloesi.proposals.urls_authoring")),
    path("review/", include("arloesi.proposals.urls_review")),
]
