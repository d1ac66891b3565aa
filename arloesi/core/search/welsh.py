"""A light Welsh analyser: initial mutations undone, the commonest endings taken off, the
commonest words left out. Pure.

Welsh changes a word's first sound after certain words ("ei feddyginiaeth", "yng nghlwstwr",
"ei phractis"), so the same word is written with several beginnings. Without a dictionary a
mutated beginning cannot always be traced to one radical ("f" may be a soft-mutated "b" or "m"),
so each family of beginnings is written as one letter: every form of a word then meets every
other (``meddyginiaeth``, ``feddyginiaeth``, ``mheddyginiaeth``…), at the price of rare meetings
of unrelated words that differ only in such a beginning.
"""

from functools import lru_cache

# Longest first: the first beginning that matches is replaced.
_BEGINNINGS = (
    # c / g: soft "g", nasal "ngh", aspirate "ch"; g: soft (dropped), nasal "ng". A dropped "g"
    # cannot be put back, so the family is written with no letter at all.
    ("ngh", ""), ("ng", ""), ("ch", ""), ("c", ""), ("g", ""),
    # p / b / m: soft "b" and "f", nasal "mh" and "m", aspirate "ph".
    ("mh", "b"), ("ph", "b"), ("p", "b"), ("m", "b"),
    # t / d: soft "d" and "dd", nasal "nh" and "n", aspirate "th".
    ("nh", "d"), ("th", "d"), ("dd", "d"), ("t", "d"), ("n", "d"),
    # ll / rh: soft "l" and "r".
    ("ll", "l"), ("rh", "r"),
)  # fmt: skip
_VOWELS = frozenset("aeiouwy")

# Plural, verbal-noun and abstract-noun endings, longest first, with what replaces them; what
# is left keeps at least three letters. Up to two are taken off ("meddyginiaethau").
_ENDINGS = (
    ("feydd", "fa"), ("iadau", ""), ("iaeth", ""), ("aeth", ""), ("iadau", ""), ("iad", ""),
    ("iau", ""), ("au", ""), ("ion", ""), ("wyr", ""), ("ydd", ""), ("wch", ""), ("io", ""),
    ("u", ""), ("o", ""),
)  # fmt: skip

STOP_WORDS = frozenset(
    """
    a ac ag am an ar at o i y yr 'r yn yng ym mewn gan gyda heb hyd wrth dan dros drwy trwy
    mae maen roedd bydd fydd sydd oedd oes ydy ydyw yw bod fod cael gael wedi heb
    hyn hynny hon hwn hwnnw honno eu ein eich fy dy ei nid ni na nad neu ond fel pan lle pam
    sut pwy beth pob rhai rhaid mwy mwyaf iawn hefyd eto yma yna fe fo hi nhw chi ni mi
    ar gyfer gyfer ynghylch am y ar ôl ol yn ystod ystod rhwng
    """.split()  # noqa: SIM905
)


def undo_mutation(word: str) -> str:
    if word.startswith("ff"):
        return word
    if word.startswith("f"):
        return "b" + word[1:]
    if word.startswith("h") and len(word) > 1 and word[1] in _VOWELS:
        # Aspirate h before a vowel ("ei henw"); radical h words lose it alike.
        return word[1:]
    for beginning, family in _BEGINNINGS:
        if word.startswith(beginning):
            return family + word[len(beginning) :]
    return word


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    for _ in range(2):
        for ending, replacement in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)] + replacement
                break
        else:
            break
    return undo_mutation(word)
