"""Scale-up: the list (/learning/scale-ups/), a project's scale-ups and nominating it
(/learning/projects/<project_id>/scale-up/…), a scale-up (/learning/scale-ups/<scale_up_id>/)
with its assessment, decision, withdrawal, spread table and the roll-out's clusters.

Names: scale_ups, project_scale_ups, scale_up_nominate, scale_up, scale_up_assess,
scale_up_decide, scale_up_withdraw, scale_up_spread, rollout_site_add, rollout_site."""

from django.urls import path

from arloesi.learning.views import scaling

urlpatterns = [
    path("learning/scale-ups/", scaling.scale_up_list, name="scale_ups"),
    path(
        "learning/projects/<int:project_id>/scale-up/",
        scaling.project_scale_ups,
        name="project_scale_ups",
    ),
    path(
        "learning/projects/<int:project_id>/scale-up/nominate/",
        scaling.scale_up_nominate,
        name="scale_up_nominate",
    ),
    path("learning/scale-ups/<int:scale_up_id>/", scaling.scale_up_detail, name="scale_up"),
    path(
        "learning/scale-ups/<int:scale_up_id>/assessment/",
        scaling.scale_up_assess,
        name="scale_up_assess",
    ),
    path(
        "learning/scale-ups/<int:scale_up_id>/decision/",
        scaling.scale_up_decide,
        name="scale_up_decide",
    ),
    path(
        "learning/scale-ups/<int:scale_up_id>/withdraw/",
        scaling.scale_up_withdraw,
        name="scale_up_withdraw",
    ),
    path(
        "learning/scale-ups/<int:scale_up_id>/spread/",
        scaling.scale_up_spread,
        name="scale_up_spread",
    ),
    path(
        "learning/scale-ups/<int:scale_up_id>/sites/new/",
        scaling.rollout_site_add,
        name="rollout_site_add",
    ),
    path(
        "learning/scale-ups/<int:scale_up_id>/sites/<int:site_id>/",
        scaling.rollout_site_edit,
        name="rollout_site",
    ),
]
