from datetime import datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field


class ProposalSummary(Schema):
    id: int
    title: str
    status: str
    lead_collaborative_id: int
    lead_collaborative: str
    planning_group_id: int
    created_at: datetime
    submitted_at: datetime | None
    version: int

    @staticmethod
    def resolve_lead_collaborative(obj) -> str:
        return obj.lead_collaborative.name


class ProposalOut(ProposalSummary):
    problem: str
    evidence: str
    population: str
    affects_vulnerable_groups: bool
    vulnerable_groups_notes: str
    innovation_type: str
    novelty: str
    pitch_hook: str
    pitch_problem: str
    pitch_solution: str
    pitch_ask: str
    value_for_whom: str
    value_need: str
    value_offer: str
    value_benefit: str
    value_unlike: str
    funding_amount: Decimal | None
    funding_source: str
    funding_source_other: str
    duration_months: int | None


class ProposalPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ProposalSummary]


class ProposalCreateIn(Schema):
    title: str
    collaborative_id: int = Field(description="One of the collaboratives you may write for.")


class ProposalUpdateIn(Schema):
    """Only the fields sent are changed. Send the version you read (or ``If-Match``)."""

    version: int | None = Field(None, description="The version you are changing.")
    title: str | None = None
    problem: str | None = None
    evidence: str | None = None
    population: str | None = None
    affects_vulnerable_groups: bool | None = None
    vulnerable_groups_notes: str | None = None
    innovation_type: str | None = None
    novelty: str | None = None
    pitch_hook: str | None = None
    pitch_problem: str | None = None
    pitch_solution: str | None = None
    pitch_ask: str | None = None
    value_for_whom: str | None = None
    value_need: str | None = None
    value_offer: str | None = None
    value_benefit: str | None = None
    value_unlike: str | None = None
    funding_amount: str | float | int | None = None
    funding_source: str | None = None
    funding_source_other: str | None = None
    duration_months: str | int | None = None
