from datetime import date, datetime

from ninja import Schema

from arloesi.api.schemas.common import DateText


class ProjectSummary(Schema):
    id: int
    title: str
    status: str
    rag: str
    lead_collaborative_id: int
    lead_collaborative: str
    planning_group_id: int
    starts_on: date | None
    planned_end_on: date | None
    version: int

    @staticmethod
    def resolve_lead_collaborative(obj) -> str:
        return obj.lead_collaborative.name


class ProjectOut(ProjectSummary):
    proposal_id: int
    conditions: str
    outcome: str
    outcome_reasons: str
    rag_reason: str
    started_at: datetime
    last_update_at: datetime


class ProjectPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ProjectSummary]


class MilestoneOut(Schema):
    id: int
    title: str
    due_on: date
    done_on: date | None
    overdue: bool
    version: int


class MilestoneIn(Schema):
    title: str
    due_on: DateText


class CycleOut(Schema):
    id: int
    number: int
    title: str
    ramp_id: int | None
    state: str
    owner_id: int | None
    objective: str
    planned_start_on: date
    planned_end_on: date
    completed_at: datetime | None
    act_decision: str
    version: int


class CycleIn(Schema):
    title: str
    planned_start_on: DateText
    planned_end_on: DateText
    objective: str = ""
    questions: str = ""
    predictions: str = ""


class ScheduleRowOut(Schema):
    project_id: int
    title: str
    status: str
    rag: str
    starts_on: date
    planned_end_on: date | None
    next_milestone: str | None
    next_milestone_due_on: date | None
    overdue_milestones: int
    open_cycles: int
    overdue_cycles: int
    stale: bool


class ScheduleOut(Schema):
    unit_id: int
    unit: str
    count: int
    page: int
    pages: int
    results: list[ScheduleRowOut]
