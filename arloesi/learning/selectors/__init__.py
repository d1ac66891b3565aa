"""Reads of learning: the app's front door. Each part lists its reads in its own block.

Scale-up: who may nominate, follow, decide and run a scale-up (``scaling``), the list, a
project's scale-ups, a scale-up's page with its assessment and what Arloesi already knows of the
pilot (``scaling_pages``), and the spread table of the clusters (``scaling_spread``)."""

# --- Learning records, adoption and resources -----------------------------------------------
from arloesi.learning.selectors.adoption import (
    AdoptionComparePage,
    Spread,
    adoption_compare_page,
    may_adopt,
    proposal_origin,
    record_for_adoption,
    spread_of,
)

# --- Finding learning
from arloesi.learning.selectors.finding import finding_page
from arloesi.learning.selectors.finding import places as finding_places
from arloesi.learning.selectors.record_pages import (
    RecordHistoryPage,
    RecordPage,
    record_history,
    record_page,
)
from arloesi.learning.selectors.records import (
    RECORDS_PER_PAGE,
    TAG_CHOICES,
    ProjectRecordsPage,
    RecordAccess,
    RecordEdit,
    RecordsPage,
    Shown,
    project_for_records,
    project_records_page,
    published_records,
    record_access,
    record_edit_context,
    record_for_approval,
    record_for_write,
    record_get_for_user,
    records_attention_for,
    shown,
    tag_labels,
    tags_of,
    waiting_page,
)
from arloesi.learning.selectors.resources import (
    LibraryPage,
    library_page,
    may_curate,
    require_curator,
    resource_for_curation,
    resources_guidance,
)

# --- Scale-up
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
    # Learning records, adoption and resources
    "RECORDS_PER_PAGE",
    "TAG_CHOICES",
    "AdoptionComparePage",
    "LibraryPage",
    "ProjectRecordsPage",
    "RecordAccess",
    "RecordEdit",
    "RecordHistoryPage",
    "RecordPage",
    "RecordsPage",
    "Shown",
    "Spread",
    "adoption_compare_page",
    "library_page",
    "may_adopt",
    "may_curate",
    "project_for_records",
    "project_records_page",
    "proposal_origin",
    "published_records",
    "record_access",
    "record_edit_context",
    "record_for_adoption",
    "record_for_approval",
    "record_for_write",
    "record_get_for_user",
    "record_history",
    "record_page",
    "require_curator",
    "resource_for_curation",
    "resources_guidance",
    "shown",
    "spread_of",
    "tag_labels",
    "tags_of",
    "records_attention_for",
    "waiting_page",
    # Finding learning
    "finding_page",
    "finding_places",
    # Scale-up
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
