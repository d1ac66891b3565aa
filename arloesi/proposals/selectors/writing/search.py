"""What finding learning keeps of a proposal (core.search): its title, problem and pitch, in the
language it is written in. Every proposal is indexed, so that "similar work" finds drafts too;
only decided ones are listed on the all-Wales search. Who sees which is ``proposal_list_for``."""

from django.urls import reverse

from arloesi.core import permissions, search
from arloesi.core.search import analysis
from arloesi.proposals.models import Proposal
from arloesi.proposals.permissions import Perm
from arloesi.proposals.selectors.visibility import proposal_list_for
from arloesi.proposals.workflow import PUBLISHED

KIND = "proposal"
TEXT = ("problem", "population", "pitch_hook", "pitch_problem", "pitch_solution", "pitch_ask")
VALUE = ("value_for_whom", "value_need", "value_offer", "value_benefit", "value_unlike")
PROBLEM_CHARACTERS = 3000


def _document(proposal: Proposal) -> search.Document:
    texts = [str(getattr(proposal, name) or "") for name in (*TEXT, *VALUE)]
    texts[0] = texts[0][:PROBLEM_CHARACTERS]
    language = analysis.guess_language(proposal.title, *texts)
    summary = proposal.pitch_hook or proposal.problem[:300]
    welsh = language == analysis.WELSH
    when = proposal.submitted_at or proposal.created_at
    return search.Document(
        object_id=proposal.pk,
        title_en="" if welsh else proposal.title,
        title_cy=proposal.title if welsh else "",
        summary_en="" if welsh else summary,
        summary_cy=summary if welsh else "",
        text_en=() if welsh else texts,
        text_cy=texts if welsh else (),
        listed=proposal.status in PUBLISHED,
        unit_path=proposal.lead_collaborative.path,
        status=proposal.status,
        outcome=proposal.status if proposal.status in PUBLISHED else "",
        tags=[f"innovation:{proposal.innovation_type}"] if proposal.innovation_type else [],
        date=when.date() if when else None,
    )


def proposal_documents(ids: list[int] | None):
    rows = Proposal.objects.select_related("lead_collaborative").only(
        "title", "status", "innovation_type", "created_at", "submitted_at",
        "lead_collaborative__path", *TEXT, *VALUE,
    )  # fmt: skip
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    for proposal in rows.order_by("pk").iterator(chunk_size=500):
        yield _document(proposal)


def proposal_ids_visible(user):
    return proposal_list_for(user=user).order_by().values("pk")


def decided_proposal_ids_visible(user):
    """Listed proposals are the decided ones: every one for those who may see decided proposals
    anywhere in Wales, else those ``proposal_list_for`` gives."""
    if permissions.can_anywhere(user, Perm.VIEW_DECIDED):
        return None
    return proposal_ids_visible(user)


def proposal_address(object_id: int) -> str:
    return reverse("proposals:detail", kwargs={"proposal_id": object_id})


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    search.register(
        KIND,
        label=_("Proposal"),
        build=proposal_documents,
        visible=proposal_ids_visible,
        address=proposal_address,
        models={Proposal: lambda proposal: proposal.pk},
        order=30,
        visible_listed=decided_proposal_ids_visible,
    )
