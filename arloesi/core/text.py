"""Text people type, and where it goes: what may be kept, and what a spreadsheet can hold.

Control characters (an escape character pasted from a terminal, a form feed from a PDF) are
invisible, break e-mails and PDFs, and spreadsheets refuse them. Forms refuse them with a clear
message (``validate_no_control_characters``, applied by core.forms' field factories); exports
strip them from anything written before the rule existed (``strip_control_characters``).
Tab, line feed and carriage return are ordinary text and stay.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The characters themselves are defined in core.characters, which pure modules can import.
from arloesi.core.characters import (  # noqa: F401  (part of this module's interface)
    CONTROL_CHARACTERS,
    has_control_characters,
    strip_control_characters,
)

CONTROL_CHARACTERS_MESSAGE = _(
    "Remove the hidden control characters from this text: they are sometimes copied in with "
    "text from other programs"
)


def validate_no_control_characters(value) -> None:
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


SEARCH_MAX_LENGTH = 200


def search_terms(value: str | None) -> str:
    """What someone typed into a search box, fit to put in a query: hidden control characters
    left out (PostgreSQL refuses a NUL byte in any text), spaces trimmed, at most
    ``SEARCH_MAX_LENGTH`` characters. A search is a read, so it is cleaned, never refused."""
    return strip_control_characters(value or "").strip()[:SEARCH_MAX_LENGTH]
