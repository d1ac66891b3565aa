"""Characters that are not text: the one definition, with no Django in it.

Control characters (an escape character pasted from a terminal, a form feed from a PDF) are
invisible, break e-mails, PDFs and XML, and spreadsheets refuse them. So are lone UTF-16
surrogates, which a JSON file can spell (``"\\ud800"``) but no UTF-8 text can hold. Forms
refuse them (``core.text``), exports and drawings leave them out. Tab, line feed and carriage
return are ordinary text and stay.
"""

import re

# C0 controls except tab, LF and CR; DEL; the C1 controls; lone surrogates; and the
# non-characters U+FFFE/U+FFFF.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_control_characters(text: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(text))


def strip_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)
