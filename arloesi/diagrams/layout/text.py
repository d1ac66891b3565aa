"""How much room a box's text needs: approximate font metrics and word wrapping.

Pages use the NHS.UK font stack: Frutiger W01, then Arial; PDFs and PNGs made on the server
use Arial's metric twin, Liberation Sans. The widths below are Arial's (Liberation Sans'
advance widths, in thousandths of an em), which Frutiger matches within a few per cent, plus a
small allowance (``SLACK``) so text measured here never overflows its box when drawn. A letter
with accents takes its base letter's width (ŵ as w); a wide East Asian character one em; any
other character not in the table a generous 0.6 em.
"""

import unicodedata

SLACK = 1.05
DEFAULT_WIDTH = 600
WIDE = 1000

# Printable ASCII, then typographic punctuation and symbols common in Welsh and English text.
_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        "abcdefghijklmnopqrstuvwxyz{|}~‘’“”–—…•€£©°±×÷·",
        (
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
            222, 222, 333, 333, 556, 1000, 1000, 350, 556, 556, 737, 400, 549, 584, 549, 278,
        ),
        strict=True,
    )
)  # fmt: skip


def character_width(character: str) -> int:
    """Width of one character in thousandths of an em."""
    width = _WIDTHS.get(character)
    if width is not None:
        return width
    if unicodedata.combining(character):
        return 0
    if unicodedata.east_asian_width(character) in ("W", "F"):
        return WIDE
    base = unicodedata.normalize("NFD", character)[:1]
    # A dotless or accented i is as wide as a plain one plus its accent's overhang.
    if base in ("i", "j"):
        return 278
    return _WIDTHS.get(base, DEFAULT_WIDTH)


class _Widths(dict):
    """Character → width, working out (and remembering) characters not in the table."""

    def __missing__(self, character: str) -> int:
        width = self[character] = character_width(character)
        return width


_widths = _Widths(_WIDTHS)


def units(text: str) -> int:
    """Width of ``text`` in thousandths of an em, without the allowance."""
    return sum(map(_widths.__getitem__, text))


def text_width(text: str, font_size: float) -> float:
    """Width of ``text`` set in ``font_size`` pixels, with the drawing allowance."""
    return units(text) * font_size * SLACK / 1000


def wrap(text: str, max_width: float, font_size: float) -> list[str]:
    """``text`` broken into lines no wider than ``max_width``: at spaces where it can, inside
    a word only when the word alone is too wide. Line breaks in the text are kept."""
    room = max_width * 1000 / (font_size * SLACK)  # in units
    space = _widths[" "]
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line: list[str] = []
        used = 0
        for word in paragraph.split():
            width = units(word)
            if line and used + space + width <= room:
                line.append(word)
                used += space + width
                continue
            if line:
                lines.append(" ".join(line))
            if width <= room:
                line, used = [word], width
                continue
            *whole, last = _pieces(word, room)
            lines += whole
            line, used = [last], units(last)
        if line or not lines or not paragraph.strip():
            lines.append(" ".join(line))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines if any(lines) else []


def _pieces(word: str, room: float) -> list[str]:
    """``word`` cut into pieces that each fit ``room`` units (at least one character each)."""
    pieces = []
    start = used = 0
    for end, character in enumerate(word):
        width = _widths[character]
        if end > start and used + width > room:
            pieces.append(word[start:end])
            start, used = end, 0
        used += width
    pieces.append(word[start:])
    return pieces
