"""Demonstration proposals for the Rhondda Cynon Taf pan-cluster planning group, made through the
services by the demo people of ``organisations.demo``, so that every page has something to show.

Only ever loaded where ARLOESI_DEMO is on, after the organisations demo. Loading again adds
nothing: each priority and proposal is looked up by its title first. The e-mails the services
send go to the demo people's ``arloesi.example`` addresses (the local mail folder in demo mode).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from arloesi.core.sampledata import DemoReport, register_demo
from arloesi.diagrams import document
from arloesi.diagrams import services as diagram_services
from arloesi.diagrams.vocabulary import OwnerKind
from arloesi.organisations.models import OrganisationUnit, Person
from arloesi.organisations.sampledata.demo import demo_people_load
from arloesi.proposals import services
from arloesi.proposals.models import (
    Criterion,
    Intake,
    LocalPriority,
    Proposal,
    ProposalSponsor,
)
from arloesi.proposals.sampledata.demo_content import (
    CHAIR,
    CLUSTER,
    EVALUATION,
    EXTRA_PEOPLE,
    GMS,
    MEMBER,
    PHARMACY,
    PHARMACY_LEAD,
    PLANNING_GROUP,
    PRIORITIES,
    SECOND_MEMBER,
    SPECS,
    Spec,
    financial_year_start,
)
from arloesi.proposals.sampledata.demo_diagrams import DIAGRAMS
from arloesi.proposals.workflow import Outcome


@dataclass
class Setting:
    """The planning group ready for proposals: its people, priorities and an open intake."""

    units: dict[str, OrganisationUnit]
    people: dict[str, Person]
    priorities: dict[str, LocalPriority]
    sign_ins: list[tuple[str, str, str]]


def load_setting() -> Setting:
    """The second reviewer and the pharmacy lead, the local priorities and an open intake (what
    a browser journey needs before it writes its own proposal)."""
    units = {u.code: u for u in OrganisationUnit.objects.filter(code__in=_unit_codes())}
    sign_ins = _extra_people(units)
    people = {p.email: p for p in Person.objects.filter(email__endswith="@arloesi.example")}
    priorities = _priorities(units, people)
    planning_group = units[PLANNING_GROUP]
    if not Intake.objects.filter(planning_group=planning_group).exists():
        services.intake_open(
            actor=people[CHAIR],
            planning_group=planning_group,
            closes_at=timezone.now() + timedelta(days=60),
        )
    return Setting(units=units, people=people, priorities=priorities, sign_ins=sign_ins)


def load_demo() -> DemoReport:
    """Add the demo priorities, intake and proposals that are not there yet."""
    setting = load_setting()
    units, planning_group = setting.units, setting.units[PLANNING_GROUP]
    added = 0
    for spec in SPECS:
        exists = Proposal.objects.filter(
            title=spec.title, lead_collaborative=units[spec.collaborative]
        ).exists()
        if not exists:
            _proposal(spec, units=units, people=setting.people, priorities=setting.priorities)
            added += 1
    total = Proposal.objects.filter(planning_group=planning_group).count()
    return DemoReport(
        sign_ins=setting.sign_ins,
        notes=[f"Demo proposals: {added} added, {total} in {planning_group.name_en}."],
    )


def _unit_codes() -> list[str]:
    return [PLANNING_GROUP, CLUSTER, PHARMACY, GMS]


def _extra_people(units: dict[str, OrganisationUnit]) -> list[tuple[str, str, str]]:
    return demo_people_load(EXTRA_PEOPLE, units)


def _priorities(units, people) -> dict[str, LocalPriority]:
    start = financial_year_start(timezone.localdate())
    end = date(start.year + 3, 3, 31)
    found = {}
    for code, title_en, title_cy, plan, setter in PRIORITIES:
        priority = LocalPriority.objects.filter(unit=units[code], title_en=title_en).first()
        if priority is None:
            priority = services.priority_create(
                actor=people[setter],
                unit=units[code],
                title_en=title_en,
                title_cy=title_cy,
                source_plan=plan,
                period_start=start,
                period_end=end,
            )
        found[title_en] = priority
    return found


def _proposal(spec: Spec, *, units, people, priorities) -> Proposal:
    author = people[spec.author]
    proposal = services.proposal_create(
        actor=author, collaborative=units[spec.collaborative], title=spec.title, **spec.fields
    )
    services.proposal_priorities_set(
        actor=author, proposal=proposal, priorities=[priorities[t] for t in spec.priorities]
    )
    for profession, hours, skill in spec.needs:
        services.need_add(
            actor=author, proposal=proposal, profession=profession, hours=hours, skill=skill
        )
    if spec.title in DIAGRAMS:
        diagram_services.diagram_start(
            actor=author,
            owner_kind=OwnerKind.PROPOSAL,
            owner_id=proposal.pk,
            title="",
            source=document.from_json(DIAGRAMS[spec.title]),
        )
    if spec.state == "draft":
        # The pharmacy lead is asked to co-author the draft: sign in as them to accept.
        services.co_author_invite(actor=author, proposal=proposal, email=PHARMACY_LEAD)
        return proposal
    services.evaluation_plan_update(
        actor=author, proposal=proposal, expected_version=1, **EVALUATION
    )
    if spec.state == "cross_boundary":
        # Waiting for the GMS collaborative's lead: sign in as them to confirm.
        services.sponsor_add(actor=author, proposal=proposal, collaborative=units[GMS])
        services.sponsor_confirm(
            actor=people[PHARMACY_LEAD],
            sponsor=ProposalSponsor.objects.get(
                proposal=proposal, collaborative=units[spec.collaborative]
            ),
        )
        return proposal
    proposal = services.proposal_submit(actor=author, proposal=proposal)
    chair = people[CHAIR]
    if spec.scores:
        _review(proposal, chair=chair, people=people, scores=spec.scores)
    if spec.state == Outcome.MORE_INFORMATION_REQUESTED:
        services.proposal_request_information(
            actor=chair, proposal=proposal, request=spec.decision["rationale"]
        )
    elif spec.state in Outcome.values:
        services.decision_record(
            actor=chair,
            proposal=proposal,
            outcome=spec.state,
            meeting_date=timezone.localdate(),
            **spec.decision,
        )
    return proposal


def _review(proposal: Proposal, *, chair: Person, people, scores: list[list[int]]) -> None:
    criteria = list(Criterion.objects.filter(intake_id=proposal.intake_id))
    for email, values in zip([MEMBER, SECOND_MEMBER], scores, strict=False):
        assignment = services.reviewer_assign(
            actor=chair, proposal=proposal, reviewer=people[email]
        )
        services.conflict_declare(actor=people[email], assignment=assignment, has_conflict=False)
        for criterion, value in zip(criteria, values, strict=False):
            services.score_record(
                actor=people[email],
                assignment=assignment,
                criterion=criterion,
                value=value,
                comment=_comment(value),
            )


def _comment(value: int) -> str:
    return {
        1: "Little evidence for this.",
        2: "Some concerns: see my notes to the chair.",
        3: "Reasonable, though the plan could say more.",
        4: "Strong, with a clear plan.",
        5: "Excellent: this is exactly what our plan asks for.",
    }[value]


register_demo("proposals", load_demo, order=20)
