"""Reads of learning: the app's front door.

Scale-up: who may nominate, follow, decide and run a scale-up (``scaling``), the list, a
project's scale-ups, a scale-up's page with its assessment and what Arloesi already knows of the
pilot (``scaling_pages``), and the spread table of the clusters (``scaling_spread``)."""

from arloesi.learning.selectors.scaling import (
    may_decide,
    may_follow,
    may_nominate,
    may_run_rollout,
    open_scale_up_of,
    project_for_nomination,
    scale_up_for_decider,
    scale_up_for_follower,
    scale_up_for_rollout,
    scale_up_get_for_user,
    scale_ups_visible_to,
    site_for_rollout,
)
from arloesi.learning.selectors.scaling_pages import (
    Known,
    ListPage,
    ProjectScaleUps,
    ScaleUpPage,
    enabler_rows,
    known_about,
    project_scale_ups,
    rollout_cluster_choices,
    rollout_next_stages,
    scale_up_list,
    scale_up_page,
    scaling_attention_for,
)
from arloesi.learning.selectors.scaling_spread import SpreadPage, spread_page

__all__ = [
    "Known",
    "ListPage",
    "ProjectScaleUps",
    "ScaleUpPage",
    "SpreadPage",
    "enabler_rows",
    "known_about",
    "may_decide",
    "may_follow",
    "may_nominate",
    "may_run_rollout",
    "open_scale_up_of",
    "project_for_nomination",
    "project_scale_ups",
    "rollout_cluster_choices",
    "rollout_next_stages",
    "scale_up_for_decider",
    "scale_up_for_follower",
    "scale_up_for_rollout",
    "scale_up_get_for_user",
    "scale_up_list",
    "scale_up_page",
    "scale_ups_visible_to",
    "scaling_attention_for",
    "site_for_rollout",
    "spread_page",
]
