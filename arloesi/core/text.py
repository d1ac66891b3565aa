"""Text people type, and where it goes: what may be kept, and what a spreadsheet can hold.

Control characters (an escape character pasted from a terminal, a form feed from a PDF) are
invisible, break e-mails and PDFs, and spreadsheets refuse them. Forms refuse them with a clear
message (``validate_no_control_characters``, applied by core.forms' field factories); exports
strip them from anything written before the rule existed (``strip_control_characters``).
Tab, line feed and carriage return are ordinary text and stay.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls except tab, LF and CR; DEL; the C1 controls; and the non-characters U+FFFE/U+FFFF.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

CONTROL_CHARACTERS_MESSAGE = _(
    "Remove the hidden control characters from this text: they are sometimes copied in with "
    "text from other programs"
)


def has_control_characters(text: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(text))


def strip_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def validate_no_control_characters(value) -> None:
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")
