"""Risks and learning records."""

from datetime import date, datetime

from ninja import Schema


class RiskSummary(Schema):
    id: int
    title: str
    unit_id: int
    unit: str
    category: str
    status: str
    current_score: int
    current_consequence: int
    current_likelihood: int
    next_review_on: date
    owner: str
    version: int

    @staticmethod
    def resolve_unit(obj) -> str:
        return obj.unit.name

    @staticmethod
    def resolve_owner(obj) -> str:
        return obj.owner.full_name if obj.owner_id else ""


class RiskOut(RiskSummary):
    description: str
    cause: str
    effect: str
    controls: str
    initial_consequence: int
    initial_likelihood: int
    target_consequence: int
    target_likelihood: int
    last_reviewed_on: date | None
    escalated_to_id: int | None


class RiskPage(Schema):
    count: int
    page: int
    pages: int
    results: list[RiskSummary]


class RecordSummary(Schema):
    id: int
    title: str
    summary: str
    language: str
    cluster: str
    published_at: datetime | None
    is_public: bool


class RecordOut(RecordSummary):
    tried: str
    worked: str
    did_not_work: str
    why: str
    results: str
    recommendations: str


class RecordPage(Schema):
    count: int
    page: int
    pages: int
    results: list[RecordSummary]
