"""Projects' data, divided as the app is: **running** a project (its record, stage, RAG status,
team, sponsors, conditions, milestones and progress updates), its **cycles** of change (ramps of
PDSA cycles) and the **reminders** sent about them."""

from arloesi.projects.models.cycles import PdsaCycle, Ramp
from arloesi.projects.models.reminders import ReminderSent
from arloesi.projects.models.running import (
    Milestone,
    ProgressUpdate,
    Project,
    ProjectCondition,
    ProjectEvaluationPlan,
    ProjectSponsor,
    ProjectStageChange,
    ProjectTeamMember,
    RagChange,
)

__all__ = [
    "Milestone",
    "PdsaCycle",
    "ProgressUpdate",
    "Project",
    "ProjectCondition",
    "ProjectEvaluationPlan",
    "ProjectSponsor",
    "ProjectStageChange",
    "ProjectTeamMember",
    "RagChange",
    "Ramp",
    "ReminderSent",
]
