"""Does this text look like it holds an NHS number?

Pure. An NHS number is ten digits, often written 3-3-4 with spaces, whose last digit is a
modulus-11 check digit over the first nine. Arloesi holds no patient-identifiable data, so
free text that contains one gets a warning. Ten-digit strings that fail the check digit are
ignored: they are more likely a budget code or a reference than an NHS number.
"""

import re
from collections.abc import Mapping

# Ten digits, either run together or spaced 3-3-4; not part of a longer run of digits.
_CANDIDATE = re.compile(r"(?<![\d])(\d{3}) ?(\d{3}) ?(\d{4})(?![\d])")


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no NHS number can start with them."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def is_valid(number: str) -> bool:
    """True for ten digits (spaces allowed) that pass the NHS number check digit."""
    digits = number.replace(" ", "")
    if len(digits) != 10 or not digits.isdigit():
        return False
    return check_digit(digits[:9]) == int(digits[9])


def find(text: str) -> list[str]:
    """Every NHS-number-like string in ``text``, as written there."""
    return [match.group(0) for match in _CANDIDATE.finditer(text or "") if is_valid(match.group(0))]


def fields_with_numbers(fields: Mapping[str, str]) -> list[str]:
    """The names of the fields whose text looks like it contains an NHS number."""
    return [name for name, text in fields.items() if find(text)]
