"""A measure's chart, ready for a page: the engine's result (``series``), drawn (``chart``) and
put into words (``wording``), with one row per period for the table beside it."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.measures import chart, wording
from arloesi.measures.selectors.series import Series, series_of
from arloesi.measures.spc.model import RUNS
from arloesi.measures.vocabulary import AnnotationKind, ChartType, RuleSet


@dataclass(frozen=True)
class Row:
    period_start: date
    # The period and the figures as the table shows them.
    period: str
    figures: tuple[str, str, str, str]
    value: float | None
    centre: float | None
    lower: float | None
    upper: float | None
    signals: str
    cause: str
    excluded: bool
    markers: str


@dataclass(frozen=True)
class Noted:
    number: str
    on: date
    kind: str  # pdsa, note, rebase
    text: str
    annotation_id: int | None = None


@dataclass(frozen=True)
class ChartView:
    markup: Markup
    series: Series
    sentences: list[str]
    variation: str
    assurance: str
    warnings: list[str]
    rows: list[Row]
    notes: list[Noted]
    rules: str
    plot: chart.Plot
    words: chart.Words

    @property
    def has_data(self) -> bool:
        return any(row.value is not None for row in self.rows)


def _position(dates: list[date], on: date) -> int | None:
    """The period ``on`` falls in: the last period starting on or before it."""
    found = None
    for position, start in enumerate(dates):
        if start <= on:
            found = position
        else:
            break
    return found


def _noted(annotations, cycles) -> list[Noted]:
    notes: list[Noted] = []
    for number, cycle in enumerate(cycles, start=1):
        notes.append(Noted(f"P{number}", cycle.planned_start_on, "pdsa", cycle.title))
    number = 0
    for annotation in annotations:
        if annotation.kind == AnnotationKind.NOTE:
            number += 1
            label = f"N{number}"
        else:
            label = ""
        notes.append(Noted(label, annotation.on, annotation.kind, annotation.text, annotation.pk))
    return sorted(notes, key=lambda n: (n.on, n.kind))


def words_of(title: str, description: str, *, mdc: bool, median: bool = False) -> chart.Words:
    """The chart's words: its title, its description (the findings in words) and its key. A
    run chart (``median``) has a median and no limits, so a new phase is a new median."""
    return chart.Words(
        title=title,
        description=description or _("No data yet."),
        target=_("Target"),
        new_phase=_("New median") if median else _("New limits"),
        key=wording.key_words() if mdc else {None: _("Common cause"), "signal": _("Special cause")},
        run_signal=_(
            "Centre line dashed: a long run, too few crossings or an unusual number of runs "
            "(special cause)"
        ),
    )


def plot_of(result, labels, *, mdc: bool, values=None, excluded=None, target=None, markers=()):
    """The drawing of an engine ``result`` (``spc.Result``), no measure needed: one label a
    point; ``values`` where they differ from the result's (a left-out point's own number);
    ``excluded`` where it differs from the points the result did not include."""
    plotted = []
    for position, point in enumerate(result.points):
        if mdc:
            cause = point.special_cause if point.signals else None
        else:
            cause = "signal" if [s for s in point.signals if s != RUNS] else None
        plotted.append(
            chart.Plotted(
                label=labels[position],
                value=point.value if values is None else values[position],
                centre=point.centre,
                lower=point.lower,
                upper=point.upper,
                phase=point.phase,
                cause=cause,
                excluded=not point.included if excluded is None else excluded[position],
            )
        )
    return chart.Plot(
        points=plotted,
        target=target,
        markers=markers,
        variation=wording.variation_icon(result.variation),
        assurance=wording.assurance_icon(result.assurance),
        run_signal_phases=frozenset(
            finding.phase for finding in result.findings if finding.rule == RUNS
        ),
    )


def chart_view(measure, points, annotations=(), cycles=(), *, small: bool = False) -> ChartView:
    """The chart of ``measure`` from its ``points`` (in period order), its annotations and the
    project's PDSA cycles."""
    rebases = [a.on for a in annotations if a.kind == AnnotationKind.REBASE]
    series = series_of(measure, points, rebases)
    result = series.result
    median = measure.chart_type == ChartType.RUN
    notes = _noted(annotations, cycles)
    markers = []
    by_position: dict[int, list[str]] = {}
    for note in notes:
        position = _position(series.dates, note.on)
        if position is None or not note.number:
            continue
        markers.append(
            chart.Marker(position, note.number, "pdsa" if note.kind == "pdsa" else "note")
        )
        by_position.setdefault(position, []).append(note.number)
    mdc = measure.rule_set == RuleSet.MDC
    every = chart.label_every(len(result.points), small=small)
    key_words = wording.key_words()
    write_day = wording.day_writer()
    figure = wording.figure
    values = [
        # Left out of an mdc or IHI chart's calculation: still shown, hollow.
        _raw_value(measure, series, position)
        if point.value is None and series.excluded[position]
        else point.value
        for position, point in enumerate(result.points)
    ]
    labels = [
        wording.short_day(on) if position % every == 0 else ""
        for position, on in enumerate(series.dates)
    ]
    plot = plot_of(
        result,
        labels,
        mdc=mdc,
        values=values,
        excluded=series.excluded,
        target=float(measure.target) if measure.target is not None else None,
        markers=markers,
    )
    rows = []
    for position, point in enumerate(result.points):
        if small and position < len(result.points) - 1:
            continue  # a small chart's table gives only its latest period
        value = values[position]
        rows.append(
            Row(
                period_start=series.dates[position],
                period=write_day(series.dates[position]),
                figures=(
                    figure(value),
                    figure(point.centre),
                    figure(point.lower),
                    figure(point.upper),
                ),
                value=value,
                centre=point.centre,
                lower=point.lower,
                upper=point.upper,
                signals=wording.signal_names(point.signals),
                cause=key_words.get(point.special_cause, "") if point.special_cause else "",
                excluded=series.excluded[position],
                markers=" ".join(by_position.get(position, [])),
            )
        )
    sentences = [wording.sentence(f, series.dates, median=median) for f in result.findings]
    if not sentences and any(value is not None for value in values):
        sentences = [_("No special cause: the points vary as expected (common cause variation).")]
    description = " ".join(
        [
            *sentences,
            wording.variation_words(result.variation),
            wording.assurance_words(result.assurance),
        ]
    ).strip()
    words = words_of(
        _("%(name)s: %(chart)s")
        % {"name": measure.name, "chart": measure.get_chart_type_display()},
        description,
        mdc=mdc,
        median=median,
    )
    markup = Markup(chart.render(plot, words, chart_id=f"measure-{measure.pk}", small=small))  # noqa: S704 (core.svg escapes every text and attribute)
    return ChartView(
        markup=markup,
        series=series,
        sentences=sentences,
        variation=wording.variation_words(result.variation),
        assurance=wording.assurance_words(result.assurance),
        warnings=wording.warning_words(result.warnings, result.method),
        rows=rows,
        notes=notes,
        rules=measure.get_rule_set_display(),
        plot=plot,
        words=words,
    )


def _raw_value(measure, series: Series, position: int) -> float | None:
    value, numerator, denominator = series.raw[position]
    if value is not None:
        return float(value)
    if numerator is not None and denominator:
        scale = 100.0 if series.percent else 1.0
        return float(numerator) / float(denominator) * scale
    return None
