"""What the form fuzz sends: the hostile values of each kind, which fields get which, and the
plausible values the other fields keep (tests/walks/test_form_fuzz.py)."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.walks.html_forms import CSRF_FIELD, Field, Form
from tests.walks.writes import TOO_LONG

MISSING = object()  # the field is left out of the post
DUPLICATE = object()  # the field is sent twice
SCRIPT = "<script>alert('fuzz')</script>"

# Each kind of hostile value, and the values of that kind each field gets in turn.
PER_FIELD = {
    "empty": [""],
    "missing": [MISSING],
    "very long": ["A" * TOO_LONG],
    # An escape sequence and a NUL byte in one value: either is refused, or stripped before it
    # is saved (the writes are watched for any control character).
    "control characters": ["\x1b[31mred\x1b[0m and a nul\x00byte"],
    # Markup the page must escape, and SQL that must go as a parameter, in one value.
    "markup and sql": [f"{SCRIPT}<b onmouseover=alert(1)>bold</b>' OR 1=1; DROP TABLE x; --"],
    "wrong type": ["🦄 not a number, a date or a choice"],
    "numbers out of range": ["-1", str(10**20), "1e309", "NaN"],
    "impossible dates": ["2026-02-31", "31/02/2026", "9999-12-31", "0001-01-01"],
    "duplicated": [DUPLICATE],  # the plausible value and then another, under one name
}

PLAUSIBLE_TEXT = "Fuzz text"
PLAUSIBLE_PASSWORD = "a-Long-enough-passw0rd-for-the-fuzz"


def any_file(text: str) -> SimpleUploadedFile:
    """A file of ``text``, named after it: both reach what stores or reads uploads."""
    name = f"fuzz-{text[:40]}.csv"
    return SimpleUploadedFile(name, text.encode("utf-8", "replace"), content_type="text/csv")


@dataclass(frozen=True)
class Filler:
    """How the owner fills a form in. Every field but the fuzzed one gets what the page would
    send, or a plausible value, so that the form is accepted and the hostile value goes as far
    as it can (an app's ``FORM_VALUES`` and ``FORM_FILES`` give what cannot be guessed)."""

    values: dict = field(default_factory=dict)
    make_file: Callable[[str], SimpleUploadedFile] = any_file

    def plausible(self, f: Field):
        if f.name in self.values:
            return self.values[f.name]
        if f.kind == "checkbox":
            return f.values or f.options[:1]
        if f.values and f.values[0] != "":
            return f.values[0]
        if f.kind in ("radio", "select"):
            return next((option for option in f.options if option), "")
        if f.kind == "file":
            return self.make_file(PLAUSIBLE_TEXT)
        if f.kind == "email":
            return "fuzz.person@b.example"
        if f.kind == "password":
            return PLAUSIBLE_PASSWORD
        if f.kind == "date":
            return timezone.localdate().isoformat()
        if f.kind == "number" or f.inputmode in ("numeric", "decimal"):
            return "3"
        return PLAUSIBLE_TEXT

    def hostile(self, f: Field, value):
        if value == DUPLICATE:
            first = self.plausible(f)
            return [*(first if isinstance(first, list) else [first]), "second value"]
        if f.kind == "file" and value not in ("", MISSING):
            return self.make_file(value)
        return value

    def data(self, form: Form, *, name: str | None = None, value=None) -> dict:
        """What the form sends; with ``name``, that field holding ``value`` instead."""
        data = {n: self.plausible(f) for n, f in form.fuzzable().items()}
        data[CSRF_FIELD] = form.csrf_token()
        if name is not None:
            if value is MISSING:
                data.pop(name, None)
            else:
                data[name] = self.hostile(form.fields.get(name) or Field(name, "text"), value)
        return data


# A row of a grid repeats its fields under numbered names (``value_0``, ``value_1``…, made by the
# same code in a loop): the first and the last of each repeated name carry the hostile values,
# the rows between keep plausible ones.
REPEATED_NAME = re.compile(r"\d+")


def fields_to_fuzz(form: Form) -> list[str]:
    """The form's fields, with only the first and last of each numbered, repeated field."""
    groups: dict[str, list[str]] = {}
    for name in form.fuzzable():
        groups.setdefault(REPEATED_NAME.sub("#", name), []).append(name)
    return [name for names in groups.values() for name in dict.fromkeys([names[0], names[-1]])]


# Numbers and dates out of range go to the fields a form may read as a number or a date: typed
# inputs and text boxes for figures (``inputmode``) get every value of the kind; a hidden value or
# a choice gets the dates when it holds a date (a period), and the numbers that reach a database
# id (below zero, past 64 bits) when it holds a number (an id). A text box or area keeps "1e309"
# or "2026-02-31" as the words they are, and a choice of words refuses them as it refuses any
# other wrong type (every field gets the wrong type, and everything else).
READ_AS_NUMBERS_OR_DATES = ("numbers out of range", "impossible dates")
LOOKS_LIKE_A_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?")
LOOKS_LIKE_A_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
ID_OUT_OF_RANGE = ["-1", str(10**20)]


def values_to_send(f: Field, kind: str) -> list:
    """The values of ``kind`` that field ``f`` gets in turn (none: it would read them as
    words, or refuse them as any choice it does not offer)."""
    values = PER_FIELD[kind]
    if kind == "very long":
        # Not to a number or a date: a field read as one refuses 100,000 characters as it
        # refuses any wrong type (which every field gets); a choice may be kept as words.
        return [] if f.kind in ("number", "date") else values
    if kind not in READ_AS_NUMBERS_OR_DATES:
        return values
    held = [value for value in (*f.values, *f.options) if value]
    if kind == "impossible dates":
        typed = f.kind == "date"
        return values if typed or any(LOOKS_LIKE_A_DATE.match(v) for v in held) else []
    if f.kind == "number" or f.inputmode in ("numeric", "decimal"):
        return values
    if f.kind in ("hidden", "radio", "select") and any(LOOKS_LIKE_A_NUMBER.match(v) for v in held):
        return ID_OUT_OF_RANGE
    return []
