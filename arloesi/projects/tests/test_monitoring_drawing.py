"""The schedule's files and drawings, without the database: the calendar is valid RFC 5545
(escaped, folded), the timeline and bar chart are safe, accessible SVG."""

from datetime import UTC, date, datetime

from arloesi.projects import charts, ics, timeline

WORDS = timeline.Words(
    title="Timeline",
    description="Bars and milestones",
    today="Today",
    done="Done",
    to_do="To do",
    overdue="Overdue",
    no_end="no end",
)


def _parse(text: str) -> list[dict[str, str]]:
    """Events read back as a calendar program would: lines unfolded, values unescaped."""
    lines = text.replace("\r\n ", "").split("\r\n")
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = (
                value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
                .replace("\\\\", "\\")
            )  # fmt: skip
    return events


def test_the_calendar_escapes_and_folds_and_reads_back():
    summary = "Cam 1; gwirio, a\\ trafod\nâ ŵ ŷ " + "hir " * 40
    text = ics.calendar(
        [ics.Event(uid="milestone-1@arloesi", on=date(2027, 3, 1), summary=summary, url="x")],
        name="Amserlen",
        stamp=datetime(2026, 12, 6, 12, 0, tzinfo=UTC),
    )
    assert text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert "\n" not in text.replace("\r\n", "")
    (event,) = _parse(text)
    assert event["SUMMARY"] == summary
    assert event["DTSTART;VALUE=DATE"] == "20270301"
    assert event["DTEND;VALUE=DATE"] == "20270302"
    assert event["DTSTAMP"] == "20261206T120000Z"


def test_folding_never_splits_a_welsh_letter():
    line = "SUMMARY:" + "ŵ" * 100
    folded = ics.fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(piece.encode("utf-8")) <= 75 for piece in folded.split("\r\n"))


def test_control_characters_are_left_out_of_the_calendar():
    assert ics.escape("a\x00b\x1bc") == "abc"


def test_the_timeline_is_an_accessible_safe_drawing():
    rows = [
        timeline.Row(
            label="<script>alert(1)</script>" + "x" * 60,
            starts_on=date(2026, 1, 10),
            ends_on=None,
            marks=[timeline.Mark(date(2026, 2, 1), "M & S", done=False, overdue=True)],
        )
    ]
    markup = timeline.draw(rows, today=date(2026, 3, 1), words=WORDS, month_label=str)
    assert markup.startswith("<svg") and 'role="img"' in markup
    assert "<title" in markup and "<desc" in markup
    assert "<script" not in markup and "&lt;script&gt;" in markup
    assert markup.count("<polygon") == 1 + 3  # the overdue milestone and the key
    assert "style=" not in markup
    assert 'stroke-dasharray="4 2"' in markup  # no planned end: a dashed outline


def test_the_span_runs_from_a_month_start_past_the_last_date():
    rows = [timeline.Row("a", date(2026, 1, 10), date(2026, 12, 20))]
    assert timeline.span(rows, date(2026, 6, 1)) == (date(2026, 1, 1), date(2027, 1, 1))


def test_the_bar_chart_labels_every_bar_with_its_number():
    markup = charts.bar_chart([("Red", 3), ("Green", 0)], title="T", description="D", chart_id="c")
    assert ">Red<" in markup and ">3<" in markup and ">0<" in markup
    assert 'aria-labelledby="c-title c-desc"' in markup
