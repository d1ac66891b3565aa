"""The priority score: fit with local priorities × expected benefit ÷ effort (pure: no database).

Each part is raised to its weight, so with every weight at 1 the score is exactly
``fit × benefit ÷ effort``; a weight of 0 leaves a part out, 2 makes it count twice as much (in
the sense that doubling it now quadruples the score). Multiplying parts by weights would change
nothing — a product's order does not move when a factor is scaled — so the weights are powers.

- *fit*: how many of the cluster's current local priorities the task serves (0 when none, so
  work serving no agreed priority goes last unless its fit weight is 0);
- *benefit*: the expected benefit the lead gives it, 1 (little) to 5 (a great deal);
- *effort*: its hours over every skill (at least 1).

A manual override replaces the computed score and must give its reason; the ranking shows both.
"""

from collections.abc import Iterable
from dataclasses import dataclass

MIN_WEIGHT = 0.0
MAX_WEIGHT = 3.0
MIN_BENEFIT = 1
MAX_BENEFIT = 5


@dataclass(frozen=True)
class Weights:
    fit: float = 1.0
    benefit: float = 1.0
    effort: float = 1.0

    def __post_init__(self) -> None:
        for name in ("fit", "benefit", "effort"):
            value = getattr(self, name)
            if not MIN_WEIGHT <= value <= MAX_WEIGHT:
                raise ValueError(f"the {name} weight {value} is not {MIN_WEIGHT}–{MAX_WEIGHT}")


@dataclass(frozen=True)
class ScoreInput:
    task_id: int
    fit: int
    benefit: int
    effort_hours: int
    override: float | None = None
    override_reason: str = ""

    def __post_init__(self) -> None:
        if self.override is not None and not self.override_reason.strip():
            raise ValueError(f"the override of task {self.task_id} has no reason")


@dataclass(frozen=True)
class Ranked:
    """One task's place in the ranking, with every part of its score shown."""

    task_id: int
    position: int
    fit: int
    benefit: int
    effort_hours: int
    fit_part: float
    benefit_part: float
    effort_part: float
    computed: float
    score: float
    overridden: bool
    override_reason: str


def priority_fit(served: Iterable[int], current: Iterable[int]) -> int:
    """How many of the current local priorities the task serves."""
    return len(set(served) & set(current))


def score_parts(item: ScoreInput, weights: Weights) -> tuple[float, float, float, float]:
    """(fit part, benefit part, effort part, computed score)."""
    fit_part = float(max(item.fit, 0)) ** weights.fit
    benefit = min(max(item.benefit, MIN_BENEFIT), MAX_BENEFIT)
    benefit_part = float(benefit) ** weights.benefit
    effort_part = float(max(item.effort_hours, 1)) ** weights.effort
    return fit_part, benefit_part, effort_part, fit_part * benefit_part / effort_part


def rank(items: Iterable[ScoreInput], weights: Weights | None = None) -> list[Ranked]:
    """Every task, best score first (ties: the lower task id first)."""
    weights = weights or Weights()
    scored = []
    for item in items:
        fit_part, benefit_part, effort_part, computed = score_parts(item, weights)
        overridden = item.override is not None
        scored.append(
            (
                item,
                (fit_part, benefit_part, effort_part, computed),
                float(item.override) if overridden else computed,
            )
        )
    scored.sort(key=lambda row: (-row[2], row[0].task_id))
    return [
        Ranked(
            task_id=item.task_id,
            position=position,
            fit=item.fit,
            benefit=item.benefit,
            effort_hours=item.effort_hours,
            fit_part=parts[0],
            benefit_part=parts[1],
            effort_part=parts[2],
            computed=parts[3],
            score=score,
            overridden=item.override is not None,
            override_reason=item.override_reason if item.override is not None else "",
        )
        for position, (item, parts, score) in enumerate(scored, start=1)
    ]
