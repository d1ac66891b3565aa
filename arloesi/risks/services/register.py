"""Writes that keep a register: adding and editing an entry, scoring it (every score kept as a
``Rescore``), reviewing it, closing and reopening it, its further actions, and escalation to the
next level's register — automatic when the current score reaches the health board's escalation
score, or by the "Escalate" button.

Every write is audited (core.audit) and asks ``selectors.may_manage`` first, the same predicate
the pages ask before they show a button. Escalation goes one level per scoring: the entry on the
next level's register escalates further when that level scores it or escalates it.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from arloesi.core import audit
from arloesi.core.services import status_change
from arloesi.risks import matrix
from arloesi.risks.models import Rescore, RiskAction, RiskEntry, RiskStatusChange
from arloesi.risks.selectors.access import NEXT_LEVEL, matrix_for, next_level_of
from arloesi.risks.services.rules import check_scores, require_manage, require_open, required_text
from arloesi.risks.vocabulary import Category, ScoreKind, Status
from arloesi.risks.workflow import RISK_WORKFLOW

DESCRIBED = ("title", "description", "cause", "effect", "category", "owner", "controls")


def _check_entry(title: str, category: str) -> None:
    required_text("title", title, gettext_lazy("Enter a title for the risk"))
    if category not in Category.values:
        raise ValidationError({"category": gettext_lazy("Select the risk’s category")})


@transaction.atomic
def entry_create(
    *,
    actor,
    unit,
    title: str,
    category: str,
    initial: tuple[int, int],
    current: tuple[int, int] | None = None,
    target: tuple[int, int] | None = None,
    description: str = "",
    cause: str = "",
    effect: str = "",
    owner=None,
    controls: str = "",
    next_review_on: date | None = None,
    reason: str = "",
    **source,
) -> RiskEntry:
    """Add an entry to ``unit``'s register. Scores are (consequence, likelihood); the current
    score is the initial one unless given, the target the current one. Without a review date,
    the entry is due for review after its band's interval. ``source``: ``source_kind``,
    ``source_id``, ``source_summary``, ``links``, ``gap`` for entries other apps raise."""
    require_manage(actor, unit)
    _check_entry(title, category)
    current = current or initial
    target = target or current
    check_scores(
        initial_consequence=initial[0],
        initial_likelihood=initial[1],
        current_consequence=current[0],
        current_likelihood=current[1],
        target_consequence=target[0],
        target_likelihood=target[1],
    )
    board = matrix_for(unit)
    today = timezone.localdate()
    score = matrix.score(*current)
    entry = audit.create(
        RiskEntry,
        actor=actor,
        unit=unit,
        title=title.strip(),
        description=description,
        cause=cause,
        effect=effect,
        category=category,
        owner=owner,
        controls=controls,
        initial_consequence=initial[0],
        initial_likelihood=initial[1],
        current_consequence=current[0],
        current_likelihood=current[1],
        current_score=score,
        target_consequence=target[0],
        target_likelihood=target[1],
        next_review_on=next_review_on or matrix.next_review(today, matrix.band_of(score, board)),
        created_by=actor,
        **source,
    )
    reason = reason or _("First scored when the risk was added")
    for kind, (consequence, likelihood) in (
        (ScoreKind.INITIAL, initial),
        (ScoreKind.CURRENT, current),
        (ScoreKind.TARGET, target),
    ):
        _rescore_row(actor, entry, kind, consequence, likelihood, reason)
    return escalate_if_due(actor=actor, entry=entry, board=board)


def _rescore_row(actor, entry, kind, consequence, likelihood, reason) -> Rescore:
    return audit.create(
        Rescore,
        actor=actor,
        entry=entry,
        kind=kind,
        consequence=consequence,
        likelihood=likelihood,
        reason=reason,
        scored_by=actor if getattr(actor, "pk", None) else None,
    )


@transaction.atomic
def entry_update(*, actor, entry: RiskEntry, expected_version: int, **described) -> RiskEntry:
    """What the risk is: title, description, cause, effect, category, owner and controls."""
    require_open(actor, entry)
    fields = {name: described[name] for name in DESCRIBED if name in described}
    _check_entry(fields.get("title", entry.title), fields.get("category", entry.category))
    return audit.update(entry, actor=actor, expected_version=expected_version, **fields)


@transaction.atomic
def entry_rescore(
    *,
    actor,
    entry: RiskEntry,
    expected_version: int,
    kind: str,
    consequence: int,
    likelihood: int,
    reason: str,
) -> RiskEntry:
    """Give the entry a new initial, current or target score, with the reason (kept as a
    ``Rescore``). A new current score counts as a review: the next review is due after the new
    band's interval; and it escalates the entry when it reaches the board's escalation score."""
    require_open(actor, entry)
    if kind not in ScoreKind.values:
        raise ValidationError({"kind": gettext_lazy("Select which score you are changing")})
    check_scores(consequence=consequence, likelihood=likelihood)
    reason = required_text("reason", reason, gettext_lazy("Enter why the score changed"))
    board = matrix_for(entry.unit)
    fields = {f"{kind}_consequence": consequence, f"{kind}_likelihood": likelihood}
    if kind == ScoreKind.CURRENT:
        today = timezone.localdate()
        score = matrix.score(consequence, likelihood)
        fields |= {
            "current_score": score,
            "last_reviewed_on": today,
            "next_review_on": matrix.next_review(today, matrix.band_of(score, board)),
        }
    entry = audit.update(entry, actor=actor, expected_version=expected_version, **fields)
    _rescore_row(actor, entry, kind, consequence, likelihood, reason)
    if kind == ScoreKind.CURRENT:
        entry = escalate_if_due(actor=actor, entry=entry, board=board)
    return entry


@transaction.atomic
def entry_review(*, actor, entry: RiskEntry, expected_version: int, note: str = "") -> RiskEntry:
    """The entry was reviewed today (scores unchanged): the next review is due after its band's
    interval."""
    require_open(actor, entry)
    today = timezone.localdate()
    band = matrix.band_of(entry.current_score, matrix_for(entry.unit))
    return audit.update(
        entry,
        actor=actor,
        expected_version=expected_version,
        note=note.strip(),
        last_reviewed_on=today,
        next_review_on=matrix.next_review(today, band, matrix_for(entry.unit)),
    )


@transaction.atomic
def entry_status_move(
    *, actor, entry: RiskEntry, from_status: str, to_status: str, reason: str
) -> RiskEntry:
    """Close the entry, or open it again (``RISK_WORKFLOW``), with the reason. ``from_status``
    is what the person saw: if someone moved it meanwhile, nothing happens."""
    require_manage(actor, entry.unit)
    reason = required_text("reason", reason, gettext_lazy("Enter the reason"))
    if entry.status != from_status:
        raise audit.ConcurrentEditError(entry)
    entry = status_change(
        entry,
        workflow=RISK_WORKFLOW,
        change_model=RiskStatusChange,
        to_status=to_status,
        actor=actor,
        reason=reason,
        subject_field="entry",
    )
    closed_reason = reason if to_status == Status.CLOSED else ""
    return audit.update(entry, actor=actor, closed_reason=closed_reason)


def escalate_if_due(*, actor, entry: RiskEntry, board: matrix.RiskMatrix) -> RiskEntry:
    """Escalate an open entry whose current score reaches the board's escalation score, once."""
    if (
        entry.status == Status.OPEN
        and entry.escalated_to_id is None
        and entry.unit.kind in NEXT_LEVEL
        and matrix.escalates(entry.current_score, board)
    ):
        return _escalate(actor, entry, board)
    return entry


@transaction.atomic
def entry_escalate(*, actor, entry: RiskEntry) -> RiskEntry:
    """Put the entry on the next level's register (the "Escalate" button), keeping the link
    both ways. An entry escalated already, or on a health board's register, stays as it is."""
    require_open(actor, entry)
    entry = RiskEntry.objects.select_for_update().select_related("unit").get(pk=entry.pk)
    if entry.escalated_to_id is not None or entry.unit.kind not in NEXT_LEVEL:
        raise ValidationError(_("This risk cannot be escalated any further."))
    return _escalate(actor, entry, matrix_for(entry.unit))


def _escalate(actor, entry: RiskEntry, board: matrix.RiskMatrix) -> RiskEntry:
    target = next_level_of(entry.unit)
    if target is None:
        return entry
    today = timezone.localdate()
    copy = audit.create(
        RiskEntry,
        actor=actor,
        unit=target,
        **{name: getattr(entry, name) for name in DESCRIBED if name != "owner"},
        initial_consequence=entry.current_consequence,
        initial_likelihood=entry.current_likelihood,
        current_consequence=entry.current_consequence,
        current_likelihood=entry.current_likelihood,
        current_score=entry.current_score,
        target_consequence=entry.target_consequence,
        target_likelihood=entry.target_likelihood,
        next_review_on=matrix.next_review(today, matrix.band_of(entry.current_score, board)),
        source_summary=entry.source_summary,
        links=entry.links,
        gap=entry.gap,
        created_by=actor,
    )
    reason = _("Escalated from the register of %(unit)s") % {"unit": entry.unit.name}
    current = (entry.current_consequence, entry.current_likelihood)
    target = (entry.target_consequence, entry.target_likelihood)
    for kind, (consequence, likelihood) in (
        (ScoreKind.INITIAL, current),
        (ScoreKind.CURRENT, current),
        (ScoreKind.TARGET, target),
    ):
        _rescore_row(actor, copy, kind, consequence, likelihood, reason)
    return audit.update(entry, actor=actor, escalated_to=copy, escalated_at=timezone.now())


@transaction.atomic
def action_add(
    *, actor, entry: RiskEntry, text: str, owner=None, due_on: date | None = None
) -> RiskAction:
    """A further action to reduce the risk."""
    require_open(actor, entry)
    text = required_text("text", text, gettext_lazy("Enter the action"))
    return audit.create(RiskAction, actor=actor, entry=entry, text=text, owner=owner, due_on=due_on)


@transaction.atomic
def action_done(
    *, actor, action: RiskAction, expected_version: int, done: bool = True
) -> RiskAction:
    """Mark a further action done today (or not done after all)."""
    require_open(actor, action.entry)
    return audit.update(
        action,
        actor=actor,
        expected_version=expected_version,
        done_on=timezone.localdate() if done else None,
    )
