"""The front door other apps raise entries through: the delivery app's work that could not be
accommodated (*unaddressed potential for improvement*), named by its source's kind and id.

Recording the same source again updates its open entry (and rescores it only when the scores
changed), so a lead confirming the same shortfall twice leaves one entry with one history.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arloesi.core import audit
from arloesi.risks.models import RiskAction, RiskEntry
from arloesi.risks.services.register import entry_create, entry_rescore
from arloesi.risks.services.rules import check_scores, require_manage
from arloesi.risks.vocabulary import Category, ScoreKind, Status


def _open_entry(source_kind: str, source_id: int) -> RiskEntry | None:
    return (
        RiskEntry.objects.select_for_update()
        .select_related("unit")
        .filter(source_kind=source_kind, source_id=source_id, status=Status.OPEN)
        .first()
    )


def _summary(links: dict[str, str]) -> str:
    return "; ".join(f"{label}: {text}" for label, text in links.items() if text)


@transaction.atomic
def unaddressed_record(
    *,
    actor,
    unit,
    source_kind: str,
    source_id: int,
    title: str,
    description: str,
    links: dict[str, str],
    gap: str,
    consequence: int,
    likelihood: int,
) -> RiskEntry:
    """Create, or update, the open entry of ``source_kind``/``source_id`` on ``unit``'s
    register, in the category *unaddressed potential for improvement*. ``links`` are labelled
    texts shown on the entry's page ({"Aim": …, "Driver": …}); ``gap`` says what is missing
    ("40 h of pharmacist time in March 2027"). The actor must keep the register."""
    require_manage(actor, unit)
    check_scores(consequence=consequence, likelihood=likelihood)
    links = {str(label): str(text) for label, text in links.items()}
    existing = _open_entry(source_kind, source_id)
    if existing is None:
        return entry_create(
            actor=actor,
            unit=unit,
            title=title,
            description=description,
            category=Category.UNADDRESSED,
            initial=(consequence, likelihood),
            source_kind=source_kind,
            source_id=source_id,
            source_summary=_summary(links),
            links=links,
            gap=gap,
            reason=_("Work that could not be accommodated: %(gap)s") % {"gap": gap},
        )
    require_manage(actor, existing.unit)
    entry = audit.update(
        existing,
        actor=actor,
        title=title.strip(),
        description=description,
        links=links,
        gap=gap,
        source_summary=_summary(links),
        source_allocated_on=None,
    )
    if (entry.current_consequence, entry.current_likelihood) != (consequence, likelihood):
        entry = entry_rescore(
            actor=actor,
            entry=entry,
            expected_version=entry.version,
            kind=ScoreKind.CURRENT,
            consequence=consequence,
            likelihood=likelihood,
            reason=_("The gap changed: %(gap)s") % {"gap": gap},
        )
    return entry


@transaction.atomic
def unaddressed_allocated(
    *, actor, source_kind: str, source_id: int, note: str
) -> RiskEntry | None:
    """Record on the source's open entry that its work is now allocated (a further action
    done, and the date), leaving the entry for a person to close. None when there is none."""
    entry = _open_entry(source_kind, source_id)
    if entry is None:
        return None
    require_manage(actor, entry.unit)
    if entry.source_allocated_on is not None:
        return entry
    today = timezone.localdate()
    audit.create(RiskAction, actor=actor, entry=entry, text=note, owner=actor, done_on=today)
    return audit.update(entry, actor=actor, source_allocated_on=today)
