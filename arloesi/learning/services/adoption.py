"""Adopting or adapting a published innovation: a draft proposal in the adopter's collaborative
(``proposals.services.proposal_create``, which checks they may write for it) holding a copy of
the original project's driver diagram — its drivers and change ideas — and of the measures on
its boxes (what is counted and how, not the data), linked to the learning record by an
``Adoption`` that says what the adopters changed (needed when they adapt it)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams import services as diagram_services
from arloesi.diagrams.vocabulary import OwnerKind
from arloesi.learning.models import Adoption, LearningRecord, RecordTag
from arloesi.learning.vocabulary import AdoptionKind, InnovationType, RecordStatus
from arloesi.measures import services as measure_services
from arloesi.proposals import services as proposal_services

TITLE_LENGTH = 200


@transaction.atomic
def adoption_start(
    *, actor, record: LearningRecord, kind: str, collaborative, title: str, changes: str = ""
) -> Adoption:
    """Start a draft proposal for ``collaborative`` from the published ``record``'s project."""
    if record.status != RecordStatus.PUBLISHED:
        raise ValidationError(_("Only a published learning record can be adopted or adapted."))
    if kind not in AdoptionKind.values:
        raise ValidationError({"kind": _("Select whether you adopt it as it was or adapt it")})
    changes = (changes or "").strip()
    if kind == AdoptionKind.ADAPT and not changes:
        raise ValidationError({"changes": _("Say what you will change")})
    title = (title or "").strip()[:TITLE_LENGTH]
    if not title:
        raise ValidationError({"title": _("Enter a title for the proposal")})
    if collaborative.parent_id is None:
        raise ValidationError(_("This collaborative is not in a cluster."))
    fields = {"problem": getattr(record, f"summary_{record.language}") or record.summary_en}
    innovation = RecordTag.objects.filter(record=record, kind=RecordTag.Kind.INNOVATION).first()
    if innovation is not None and innovation.value in InnovationType.values:
        fields["innovation_type"] = innovation.value
    proposal = proposal_services.proposal_create(
        actor=actor, collaborative=collaborative, title=title, **fields
    )
    _copy_diagram(actor, record, proposal)
    return audit.create(
        Adoption,
        actor=actor,
        record=record,
        kind=kind,
        cluster=collaborative.parent,
        proposal=proposal,
        changes=changes,
        created_by=actor,
    )


def _copy_diagram(actor, record: LearningRecord, proposal) -> None:
    """The project's driver diagram as the proposal's, with the measures on its boxes. The
    record is published to all of Wales, so what it shows of its project may be copied by
    anyone who may write a proposal."""
    source = diagrams.diagram_of(kind=OwnerKind.PROJECT, owner_id=record.project_id)
    if source is None:
        return
    content = diagrams.content_of(source)
    document = diagrams.document_of(content)
    copy = diagram_services.diagram_start(
        actor=actor,
        owner_kind=OwnerKind.PROPOSAL,
        owner_id=proposal.pk,
        title=source.title,
        source=document,
    )
    made = {node.key: node.pk for node in diagrams.content_of(copy).nodes}
    node_map = {
        node.pk: made[exported.id]
        for node, exported in zip(content.nodes, document.nodes, strict=True)
        if exported.id in made
    }
    measure_services.measures_copy(actor=actor, diagram=copy, node_map=node_map)
