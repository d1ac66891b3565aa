"""The example diagrams people can start from (``examples/<slug>.<language>.json``).

Each example is a file in the exchange format, in English and in Welsh with the same ids and
links, with two fields of its own: ``smart_aim`` (the aim's six SMART parts, as an export writes
them) and ``summary`` (when it is a good starting point). Read once per language.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from arloesi.diagrams.document import DiagramDocument, parse

FOLDER = Path(__file__).resolve().parent / "examples"
LANGUAGES = ("en", "cy")


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    summary: str
    document: DiagramDocument

    @property
    def counts(self) -> dict[str, int]:
        counts = {"primary": 0, "secondary": 0, "change_idea": 0}
        for node in self.document.nodes:
            if node.kind in counts:
                counts[node.kind] += 1
        return counts


@cache
def examples(language: str) -> tuple[Example, ...]:
    language = language if language in LANGUAGES else "en"
    found = []
    for english in sorted(FOLDER.glob("*.en.json")):
        slug = english.name.removesuffix(".en.json")
        path = FOLDER / f"{slug}.{language}.json"
        document = parse((path if path.exists() else english).read_bytes())
        summary = document.extra.get("summary", "")
        found.append(
            Example(
                slug=slug,
                title=document.title or slug,
                summary=summary if isinstance(summary, str) else "",
                document=document,
            )
        )
    return tuple(found)


def example(slug: str, language: str) -> Example | None:
    return next((e for e in examples(language) if e.slug == slug), None)
