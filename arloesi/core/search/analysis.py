"""Text into the terms the search index keeps, the same on every database: words lower-cased
and their accents folded, the commonest words left out, then English words stemmed (Porter)
and Welsh words stemmed and their initial mutations undone. A query's words are analysed both
ways, since a person may type either language. Pure."""

import re
import unicodedata
from collections import Counter

from arloesi.core.search import english, welsh

# Letters and digits; an apostrophe inside a word ("patient's", "i'r") splits it.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Terms are kept to letters and digits, so that neither FTS5 nor tsquery reads one as syntax.
_TERM = re.compile(r"^[a-z0-9]{2,40}$")

ENGLISH_STOP_WORDS = frozenset(
    """
    a an and are as at be been being but by can could did do does doing for from had has have
    having he her here hers him his how i if in into is it its itself me more most my no nor
    not of off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    also about after again against all any because before below between both during each few
    further just now onto upon within without per via
    """.split()  # noqa: SIM905
)

ENGLISH = "en"
WELSH = "cy"


def fold(text: str) -> str:
    """Lower case without accents: "Gwasanaethau Ŵyl" → "gwasanaethau wyl"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text or ""))


def guess_language(*texts: str) -> str:
    """Welsh when a text has more of Welsh's commonest words than of English's."""
    found = [w for text in texts for w in words(text)[:400]]
    welsh_words = sum(1 for w in found if w in welsh.STOP_WORDS and w not in ENGLISH_STOP_WORDS)
    english_words = sum(1 for w in found if w in ENGLISH_STOP_WORDS and w not in welsh.STOP_WORDS)
    return WELSH if welsh_words > english_words else ENGLISH


def _english(word: str) -> str | None:
    if word in ENGLISH_STOP_WORDS or len(word) < 2:
        return None
    return english.stem(word)


def _welsh(word: str) -> str | None:
    if word in welsh.STOP_WORDS or len(word) < 2:
        return None
    return welsh.stem(word)


def _kept(term: str | None) -> bool:
    return term is not None and bool(_TERM.match(term))


def terms(text: str, language: str) -> list[str]:
    """The terms of ``text`` written in ``language`` ("en" or "cy"), in order, repeats kept."""
    analyse = _welsh if language == WELSH else _english
    return [term for term in map(analyse, words(text)) if _kept(term)]


def query_terms(text: str) -> list[tuple[str, ...]]:
    """A query's words, each as the terms it may match (its English and its Welsh reading),
    without repeats; words that are stop words in either language are left out."""
    found: list[tuple[str, ...]] = []
    for word in words(text)[:32]:
        if word in ENGLISH_STOP_WORDS or word in welsh.STOP_WORDS:
            continue
        readings = tuple(dict.fromkeys(t for t in (_english(word), _welsh(word)) if _kept(t)))
        if readings and readings not in found:
            found.append(readings)
    return found


# A term more than this share of the index uses says little about any one document (in an
# index of at least COMMON_FROM documents: a small one has too few to tell).
COMMON_SHARE = 0.1
COMMON_FROM = 200


def top_terms(
    terms_text: str, limit: int = 12, documents: dict[str, int] | None = None, total: int = 0
) -> list[tuple[str, int]]:
    """The terms a document says most, with how often (at most three), for "similar to this
    one": its titles count twice, so their words come first. Numbers and two-letter terms say
    little about what a document is about; so, given ``documents`` (term -> how many of the
    ``total`` documents use it), does a term a tenth of the index uses ("practice",
    "patients": it would rank half of Wales)."""
    counts = Counter(t for t in terms_text.split() if len(t) > 2 and not t.isdigit())
    if documents is not None:
        common = COMMON_SHARE * total if total >= COMMON_FROM else total
        counts = Counter(
            {term: n for term, n in counts.items() if documents.get(term, 0) <= common}
        )
    return [(term, min(count, 3)) for term, count in counts.most_common(limit)]
