"""Where a published innovation has spread: who may adopt or adapt it (anyone who may write a
proposal for a collaborative), the clusters that took it up with their proposal's or project's
stage, the results side by side (small multiples of the same measures across the original
project and the adopters' projects), and the "Adopted from" line on an adopter's proposal."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from arloesi.core import permissions
from arloesi.core.jinja import url
from arloesi.learning.models import Adoption, LearningRecord
from arloesi.learning.selectors.records import record_get_for_user, shown, signed_in
from arloesi.learning.vocabulary import AdoptionKind, RecordStatus
from arloesi.measures import selectors as measures
from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind
from arloesi.projects import selectors as projects
from arloesi.proposals.permissions import Perm as ProposalPerm


def may_adopt(user, record: LearningRecord) -> bool:
    """Whether to offer "Adopt or adapt" (the service checks the collaborative chosen)."""
    return (
        signed_in(user)
        and record.status == RecordStatus.PUBLISHED
        and permissions.can_anywhere(user, ProposalPerm.CREATE)
    )


def record_for_adoption(*, user, record_id: int):
    """The published record and the collaboratives ``user`` may write a proposal for; 404 when
    they may not adopt it."""
    record, _access = record_get_for_user(user=user, record_id=record_id)
    if not may_adopt(user, record):
        raise Http404
    collaboratives = organisations.units_for(
        user=user, permission=ProposalPerm.CREATE, kind=Kind.COLLABORATIVE
    )
    if not collaboratives:
        raise Http404
    return record, collaboratives


@dataclass(frozen=True)
class Spread:
    adoption: Adoption
    # The proposal's status, and the stage of the project it started (if any), as words.
    proposal_status: str
    project_stage: str
    project: object | None


def spread_of(record: LearningRecord) -> list[Spread]:
    """The clusters that adopted or adapted ``record``'s innovation, first first (two
    queries)."""
    adoptions = list(
        Adoption.objects.filter(record=record)
        .select_related("cluster", "proposal")
        # A proposal's long texts are not shown here.
        .only(
            "kind",
            "changes",
            "created_at",
            "record_id",
            "cluster__name_en",
            "cluster__name_cy",
            "proposal__title",
            "proposal__status",
        )
        .order_by("created_at", "pk")
    )
    # A subquery, not a list of ids: two queries whether or not it has spread (an empty list
    # would make no query at all, and the page's count would depend on the data).
    started = projects.projects_for_proposals(
        proposal_ids=Adoption.objects.filter(record=record).values("proposal_id")
    )
    rows = []
    for adoption in adoptions:
        project = started.get(adoption.proposal_id)
        rows.append(
            Spread(
                adoption=adoption,
                proposal_status=adoption.proposal.get_status_display(),
                project_stage=project.get_status_display() if project else "",
                project=project,
            )
        )
    return rows


@dataclass(frozen=True)
class AdoptionComparePage:
    record: LearningRecord
    title: str
    # The original project first, then each adopter's project the reader may see.
    projects: list
    measures: list  # measures.SameMeasure, one per measure name
    # Adopters' projects the reader may not see (counted, not shown).
    hidden: int
    spread: list[Spread]
    # The projects whose title and page the reader may see (the original's may be hidden).
    visible: set[int]


def adoption_compare_page(*, user, record_id: int) -> AdoptionComparePage:
    """The record's measures (the charts it shows with its results) across
    the original project and the projects its adopters started."""
    record, _access = record_get_for_user(user=user, record_id=record_id)
    if not signed_in(user):
        raise Http404
    spread = spread_of(record)
    adopters = [row.project for row in spread if row.project is not None]
    visible = set(
        projects.projects_visible_to(user=user)
        .filter(pk__in=[record.project_id, *(p.pk for p in adopters)])
        .values_list("pk", flat=True)
    )
    seen = [p for p in adopters if p.pk in visible]
    # Only the charts the record shows: what it publishes of its project.
    chosen = list(record.measures.order_by("kind", "name", "pk"))
    names = list(dict.fromkeys(m.name for m in chosen))
    in_order = [record.project, *seen]
    return AdoptionComparePage(
        record=record,
        title=shown(record).title,
        projects=in_order,
        measures=measures.across_projects(names=names, projects_in_order=in_order),
        hidden=len(adopters) - len(seen),
        spread=spread,
        visible=visible,
    )


def proposal_origin(proposal) -> list[tuple[str, str]]:
    """ "Adopted from …" or "Adapted from …" for a proposal an adoption started (one query);
    for ``proposals.links``."""
    adoption = Adoption.objects.filter(proposal_id=proposal.pk).select_related("record").first()
    if adoption is None:
        return []
    words = (
        _("Adopted from the learning record “%(title)s”")
        if adoption.kind == AdoptionKind.ADOPT
        else _("Adapted from the learning record “%(title)s”")
    ) % {"title": shown(adoption.record).title}
    return [(words, url("learning:record", record_id=adoption.record_id))]
