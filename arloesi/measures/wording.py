"""A chart's reading in plain words, in the reader's language: each rule that flagged points
("7 points in a row above the mean from 3 March 2025 to 14 April 2025: special cause,
improvement"), the variation and assurance icons, and the engine's warnings."""

from datetime import date

from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from arloesi.measures.spc.model import OUTSIDE, RUNS, SHIFT, TREND, TWO_OF_THREE, Finding

SIGNAL_NAMES = {
    OUTSIDE: lambda: _("outside the process limits"),
    SHIFT: lambda: _("shift"),
    TREND: lambda: _("trend"),
    TWO_OF_THREE: lambda: _("two of three near a limit"),
    RUNS: lambda: _("unusual runs"),
}

VARIATION = {
    "common_cause": (
        "C",
        None,
        lambda: _("Common cause"),
        lambda: _("Common cause variation: no significant change."),
    ),
    "improvement_high": (
        "H",
        "improvement",
        lambda: _("Improvement"),
        lambda: _("Special cause variation: improvement (higher values)."),
    ),
    "improvement_low": (
        "L",
        "improvement",
        lambda: _("Improvement"),
        lambda: _("Special cause variation: improvement (lower values)."),
    ),
    "concern_high": (
        "H",
        "concern",
        lambda: _("Concern"),
        lambda: _("Special cause variation: concern (higher values)."),
    ),
    "concern_low": (
        "L",
        "concern",
        lambda: _("Concern"),
        lambda: _("Special cause variation: concern (lower values)."),
    ),
    "neutral_high": (
        "H",
        "neutral",
        lambda: _("Neutral"),
        lambda: _("Special cause variation: neither better nor worse (higher values)."),
    ),
    "neutral_low": (
        "L",
        "neutral",
        lambda: _("Neutral"),
        lambda: _("Special cause variation: neither better nor worse (lower values)."),
    ),
}

ASSURANCE = {
    "consistent_pass": (
        "P",
        "improvement",
        lambda: _("Passes"),
        lambda: _("The process will consistently meet the target."),
    ),
    "consistent_fail": (
        "F",
        "concern",
        lambda: _("Fails"),
        lambda: _(
            "The process will consistently fail to meet the target unless something changes."
        ),
    ),
    "inconsistent": (
        "?",
        None,
        lambda: _("Hit and miss"),
        lambda: _(
            "The process will sometimes meet the target and sometimes not: the target lies "
            "between the process limits."
        ),
    ),
}

WARNINGS = {
    "short_series": lambda: _("Fewer than 12 points in a phase: the limits are provisional."),
    "no_data": lambda: _("There is no data yet."),
    "all_missing": lambda: _("Every value is missing: there is nothing to chart yet."),
    "too_few_points": lambda: _("Too few points for some of the rules: they are not applied."),
    "constant_series": lambda: _(
        "Every value in a phase is the same: no special cause can be signalled."
    ),
    "limits_unavailable": lambda: _("The limits of a phase could not be calculated."),
    "zero_denominator": lambda: _("A denominator of 0: that point is left blank."),
    "baseline_ignored": lambda: _("The baseline is not used when the limits are recalculated."),
    "baseline_longer_than_phase": lambda: _("The baseline is as long as the phase."),
    "runs_not_applied": lambda: _(
        "Fewer than 10 points off the median in a phase: the rule on too few or too many runs "
        "is not applied."
    ),
}


def day(on: date) -> str:
    return date_format(on, "j F Y")


def day_writer():
    """``day`` for many dates at once: the month names looked up once."""
    months = {number: str(name) for number, name in MONTHS.items()}
    return lambda on: f"{on.day} {months[on.month]} {on.year}"


def figure(value: float | None) -> str:
    """A chart's number for a table: four significant figures, or a dash."""
    return "–" if value is None else f"{value:,.4g}"


def short_day(on: date) -> str:
    return date_format(on, "j M y")


def _when(dates: list[date], finding: Finding) -> str:
    first, last = dates[finding.first - 1], dates[finding.last - 1]
    if first == last:
        return _("on %(date)s") % {"date": day(first)}
    return _("from %(first)s to %(last)s") % {"first": day(first), "last": day(last)}


def _cause(finding: Finding) -> str:
    return {
        "improvement": _("special cause, improvement"),
        "concern": _("special cause, concern"),
        "neutral": _("special cause, neither better nor worse"),
    }.get(finding.special_cause or "", _("special cause"))


def sentence(finding: Finding, dates: list[date], *, median: bool) -> str:
    """One finding in words."""
    n = len(finding.points)
    values = {"count": n, "when": _when(dates, finding)}
    above = finding.direction in ("above", "increasing")
    if finding.rule == SHIFT:
        if median:
            text = (
                ngettext(
                    "%(count)s point in a row above the median %(when)s",
                    "%(count)s points in a row above the median %(when)s",
                    n,
                )
                if above
                else ngettext(
                    "%(count)s point in a row below the median %(when)s",
                    "%(count)s points in a row below the median %(when)s",
                    n,
                )
            )
        else:
            text = (
                ngettext(
                    "%(count)s point in a row above the mean %(when)s",
                    "%(count)s points in a row above the mean %(when)s",
                    n,
                )
                if above
                else ngettext(
                    "%(count)s point in a row below the mean %(when)s",
                    "%(count)s points in a row below the mean %(when)s",
                    n,
                )
            )
    elif finding.rule == TREND:
        text = (
            ngettext(
                "%(count)s point in a row going up %(when)s",
                "%(count)s points in a row going up %(when)s",
                n,
            )
            if above
            else ngettext(
                "%(count)s point in a row going down %(when)s",
                "%(count)s points in a row going down %(when)s",
                n,
            )
        )
    elif finding.rule == OUTSIDE:
        text = (
            ngettext(
                "%(count)s point above the upper process limit %(when)s",
                "%(count)s points above the upper process limit %(when)s",
                n,
            )
            if above
            else ngettext(
                "%(count)s point below the lower process limit %(when)s",
                "%(count)s points below the lower process limit %(when)s",
                n,
            )
        )
    elif finding.rule == TWO_OF_THREE:
        text = (
            _("Two of three points close to the upper process limit %(when)s")
            if above
            else _("Two of three points close to the lower process limit %(when)s")
        )
    else:
        return _runs(finding, median=median)
    return f"{text % values}: {_cause(finding)}."


def _runs(finding: Finding, *, median: bool) -> str:
    detail = finding.detail
    parts = []
    if detail.get("long_run"):
        parts.append(
            (
                _(
                    "the longest run on one side of the median is %(run)s points "
                    "(more than %(max)s would be unusual)"
                )
                if median
                else _(
                    "the longest run on one side of the centre line is %(run)s points "
                    "(more than %(max)s would be unusual)"
                )
            )
            % {"run": detail.get("longest_run"), "max": detail.get("longest_run_max")}
        )
    if detail.get("few_crossings"):
        parts.append(
            (
                _(
                    "the line crosses the median %(crossings)s times "
                    "(fewer than %(min)s would be unusual)"
                )
                if median
                else _(
                    "the line crosses the centre line %(crossings)s times "
                    "(fewer than %(min)s would be unusual)"
                )
            )
            % {"crossings": detail.get("crossings"), "min": detail.get("crossings_min")}
        )
    if detail.get("few_runs"):
        parts.append(
            _(
                "the points make %(runs)s runs about the median "
                "(fewer than %(min)s would be unusual)"
            )
            % {"runs": detail.get("runs"), "min": detail.get("runs_min")}
        )
    if detail.get("many_runs"):
        parts.append(
            _("the points make %(runs)s runs about the median (more than %(max)s would be unusual)")
            % {"runs": detail.get("runs"), "max": detail.get("runs_max")}
        )
    text = _("In phase %(phase)s, %(what)s") % {"phase": finding.phase, "what": "; ".join(parts)}
    return f"{text}: {_('special cause')}."


def variation_icon(code: str | None) -> tuple[str, str | None, str] | None:
    found = VARIATION.get(code or "")
    return (found[0], found[1], found[2]()) if found else None


def variation_words(code: str | None) -> str:
    found = VARIATION.get(code or "")
    return found[3]() if found else ""


def assurance_icon(code: str | None) -> tuple[str, str | None, str] | None:
    found = ASSURANCE.get(code or "")
    return (found[0], found[1], found[2]()) if found else None


def assurance_words(code: str | None) -> str:
    found = ASSURANCE.get(code or "")
    return found[3]() if found else ""


# Which rules a phase with too few points could not be read with, by rule set (the numbers are
# the rules' own: spc.rules.mdc.RUN, spc.rules.ihi's SHIFT_LENGTH and TREND_LENGTH).
TOO_FEW_POINTS = {
    "mdc": lambda: _(
        "Fewer than 7 points in a phase: the rules on 7 points in a row on one side of the mean "
        "and on 7 points rising or falling could not be applied."
    ),
    "ihi": lambda: _(
        "Fewer than 5 points in a phase: the shift rule (6 points on one side of the median) "
        "and the trend rule (5 points rising or falling) could not be applied."
    ),
    "anhoej": lambda: _(
        "Fewer than 2 points in a phase: the longest-run and crossings rules could not be applied."
    ),
}


def warning_words(codes, method: str = "") -> list[str]:
    """The warnings in words; too few points names the rules of ``method`` that could not be
    applied."""
    return [
        TOO_FEW_POINTS[method]()
        if code == "too_few_points" and method in TOO_FEW_POINTS
        else WARNINGS[code]()
        for code in codes
        if code in WARNINGS
    ]


def signal_names(signals) -> str:
    return ", ".join(SIGNAL_NAMES[name]() for name in signals if name in SIGNAL_NAMES)


def key_words() -> dict:
    return {
        None: _("Common cause"),
        "improvement": _("Improvement"),
        "concern": _("Concern"),
        "neutral": _("Neither better nor worse"),
    }
