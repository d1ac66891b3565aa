"""The NHS 5 × 5 risk matrix: a score is consequence × likelihood (each 1–5); the score's band
decides how often the entry is reviewed. Bands and intervals are a health board's choice
(``RiskMatrix``; the defaults are the common NHS ones). Pure: no Django.

    band_of(12, DEFAULT)                       -> "high"
    next_review(date(2026, 1, 31), "high", DEFAULT) -> date(2026, 4, 30)
"""

import calendar
from dataclasses import dataclass
from datetime import date

LOW, MODERATE, HIGH, EXTREME = "low", "moderate", "high", "extreme"
BANDS = (LOW, MODERATE, HIGH, EXTREME)
SCALE = range(1, 6)
# Every score the matrix can give (products of 1–5 by 1–5).
SCORES = tuple(sorted({c * likelihood for c in SCALE for likelihood in SCALE}))


@dataclass(frozen=True)
class RiskMatrix:
    """A board's bands (the highest score of low, moderate and high; extreme is above),
    review intervals in months for each band, and the score that escalates an entry."""

    low_max: int = 3
    moderate_max: int = 6
    high_max: int = 12
    review_months: tuple[int, int, int, int] = (12, 6, 3, 1)
    escalation_score: int = 15

    def problems(self) -> list[str]:
        """What makes this matrix unusable (empty when it is fine), as field names."""
        wrong = []
        if not 1 <= self.low_max < self.moderate_max < self.high_max < 25:
            wrong.append("bands")
        if any(not 1 <= months <= 60 for months in self.review_months):
            wrong.append("review_months")
        if not 1 <= self.escalation_score <= 25:
            wrong.append("escalation_score")
        return wrong


DEFAULT = RiskMatrix()


def score(consequence: int, likelihood: int) -> int:
    if consequence not in SCALE or likelihood not in SCALE:
        raise ValueError("Consequence and likelihood are each 1 to 5")
    return consequence * likelihood


def band_of(value: int, matrix: RiskMatrix = DEFAULT) -> str:
    if value <= matrix.low_max:
        return LOW
    if value <= matrix.moderate_max:
        return MODERATE
    if value <= matrix.high_max:
        return HIGH
    return EXTREME


def score_range(band: str, matrix: RiskMatrix = DEFAULT) -> tuple[int, int]:
    """The lowest and highest score in ``band`` (for filtering a register by band)."""
    bounds = {
        LOW: (1, matrix.low_max),
        MODERATE: (matrix.low_max + 1, matrix.moderate_max),
        HIGH: (matrix.moderate_max + 1, matrix.high_max),
        EXTREME: (matrix.high_max + 1, 25),
    }
    return bounds[band]


def review_months(band: str, matrix: RiskMatrix = DEFAULT) -> int:
    return matrix.review_months[BANDS.index(band)]


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has fewer days."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def next_review(reviewed_on: date, band: str, matrix: RiskMatrix = DEFAULT) -> date:
    return add_months(reviewed_on, review_months(band, matrix))


def escalates(value: int, matrix: RiskMatrix = DEFAULT) -> bool:
    return value >= matrix.escalation_score
