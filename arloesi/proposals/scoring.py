"""Review scores and pitch timing: calculations only, no database.

A reviewer scores every criterion from 1 to 5. Their *weighted total* is the weighted mean of
those scores, so it stays on the 1–5 scale whatever the weights add up to. A proposal's
*weighted score* is the mean of its reviewers' weighted totals; the *spread* is the gap between
the highest and lowest reviewer totals, and each criterion's standard deviation shows where the
reviewers disagree. Only reviewers who have scored every criterion count: a half-finished review
would pull the score towards whatever was scored first.
"""

import math
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean

MIN_SCORE = 1
MAX_SCORE = 5
READ_ALOUD_WORDS_PER_MINUTE = 130

type Key = Hashable


def weighted_total(scores: Mapping[Key, int], weights: Mapping[Key, float]) -> float | None:
    """One reviewer's weighted mean over every criterion, or None if any criterion is unscored."""
    if not weights or any(criterion not in scores for criterion in weights):
        return None
    total_weight = sum(float(weight) for weight in weights.values())
    if total_weight <= 0:
        return None
    return (
        sum(float(weight) * scores[criterion] for criterion, weight in weights.items())
        / total_weight
    )


@dataclass(frozen=True)
class Summary:
    weighted_score: float | None
    # max − min of the complete reviewers' weighted totals (0 with one reviewer).
    spread: float | None
    # Population standard deviation of each criterion's scores across the reviewers who scored it.
    criterion_spread: dict[Key, float] = field(default_factory=dict)
    reviewer_totals: dict[Key, float] = field(default_factory=dict)
    reviewers_complete: int = 0
    reviewers_started: int = 0


def _population_std_dev(values: list[float]) -> float:
    """As statistics.pstdev, in plain floats: the queue computes hundreds of these a page."""
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def summarise(
    scores_by_reviewer: Mapping[Key, Mapping[Key, int]], weights: Mapping[Key, float]
) -> Summary:
    """Weighted score, spread and per-criterion disagreement for one proposal."""
    totals = {
        reviewer: total
        for reviewer, scores in scores_by_reviewer.items()
        if (total := weighted_total(scores, weights)) is not None
    }
    criterion_spread = {}
    for criterion in weights:
        values = [s[criterion] for s in scores_by_reviewer.values() if criterion in s]
        if values:
            criterion_spread[criterion] = _population_std_dev(values)
    started = sum(1 for scores in scores_by_reviewer.values() if scores)
    if not totals:
        return Summary(None, None, criterion_spread, {}, 0, started)
    values = list(totals.values())
    return Summary(
        weighted_score=fmean(values),
        spread=max(values) - min(values),
        criterion_spread=criterion_spread,
        reviewer_totals=totals,
        reviewers_complete=len(totals),
        reviewers_started=started,
    )


def rank[T](items: Sequence[T], score_of) -> list[tuple[int | None, T]]:
    """Highest score first, sharing a rank on a tie (1, 2, 2, 4); unscored items last, unranked.

    The sort is stable, so items with equal scores keep the order they came in (e.g. submission).
    """
    scored = sorted(
        (item for item in items if score_of(item) is not None),
        key=lambda item: -score_of(item),
    )
    ranked: list[tuple[int | None, T]] = []
    previous = None
    for position, item in enumerate(scored, start=1):
        score = round(score_of(item), 6)
        rank_number = ranked[-1][0] if previous is not None and score == previous else position
        ranked.append((rank_number, item))
        previous = score
    ranked.extend((None, item) for item in items if score_of(item) is None)
    return ranked


_WORD = re.compile(r"[^\W_]+(?:['’.,\-][^\W_]+)*")


def word_count(*texts: str) -> int:
    """Words in the texts together; "NHS-led" and "don't" are one word each, "£5,000" one."""
    return sum(len(_WORD.findall(text or "")) for text in texts)


def read_aloud_seconds(words: int, words_per_minute: int = READ_ALOUD_WORDS_PER_MINUTE) -> int:
    """Seconds to say ``words`` at a steady speaking pace, rounded up."""
    return math.ceil(words * 60 / words_per_minute)
