"""An iCalendar file (RFC 5545) of milestones: one all-day event each, for a calendar program.

    text = calendar(events, name=…, stamp=…)

Text values are escaped (backslash, semicolon, comma, new lines) and lines longer than 75
octets are folded (a CRLF and a space), never inside a UTF-8 character; control characters,
which a calendar cannot hold, are left out. Lines end with CRLF.

Pure: no Django.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from arloesi.core.characters import strip_control_characters

PRODUCT = "-//Arloesi//Schedule of projects//EN"
LINE_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    on: date
    summary: str
    description: str = ""
    url: str = ""


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(strip_control_characters(line) for line in text.split("\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` cut into pieces of at most 75 octets, each after the first starting with a space
    (RFC 5545 3.1)."""
    pieces, current, size, limit = [], [], 0, LINE_OCTETS
    for character in line:
        octets = len(character.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            # The space a continuation starts with counts towards its 75 octets.
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(character)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def calendar(events: Iterable[Event], *, name: str, stamp: datetime) -> str:
    """The calendar; ``stamp`` (in UTC) is when it was made."""
    made = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape(event.uid)}",
            f"DTSTAMP:{made}",
            f"DTSTART;VALUE=DATE:{_date(event.on)}",
            f"DTEND;VALUE=DATE:{_date(event.on + timedelta(days=1))}",
            f"SUMMARY:{escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        if event.url:
            lines.append(f"URL:{strip_control_characters(event.url)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
