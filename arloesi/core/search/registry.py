"""What can be found, registered by the apps that own it (in their ``AppConfig.ready()``):
each source builds the documents of its objects and says who may see which of them, so that the
index never copies a rule about access, and core imports no domain app (ADR 0007's pattern)."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet

from arloesi.core.search import analysis


@dataclass
class Document:
    """What a source hands the index for one object (see ``core.models.SearchDocument``)."""

    object_id: int
    title_en: str = ""
    title_cy: str = ""
    summary_en: str = ""
    summary_cy: str = ""
    # Text to find it by, in each language (its titles are added, and weigh twice).
    text_en: Iterable[str] = ()
    text_cy: Iterable[str] = ()
    listed: bool = True
    is_public: bool = False
    unit_path: str = ""
    status: str = ""
    outcome: str = ""
    tags: Iterable[str] = ()
    date: datetime.date | None = None

    def terms(self) -> str:
        english = [self.title_en, self.title_en, self.summary_en, *self.text_en]
        welsh = [self.title_cy, self.title_cy, self.summary_cy, *self.text_cy]
        found = [t for text in english for t in analysis.terms(text, analysis.ENGLISH)]
        found += [t for text in welsh for t in analysis.terms(text, analysis.WELSH)]
        return " ".join(found[:20000])

    def tag_text(self) -> str:
        return f" {' '.join(sorted(set(self.tags)))} " if self.tags else ""


@dataclass(frozen=True)
class Source:
    kind: str
    label: object
    # ids (or None for every object) -> their documents; an id with no document is removed.
    build: Callable[[list[int] | None], Iterable[Document]]
    # user -> a queryset of the ids of this kind they may see, or None: everyone signed in.
    visible: Callable[[object], QuerySet | None]
    # object id -> its page.
    address: Callable[[int], str]
    # A model whose audited writes change a document -> the indexed object's id for a row.
    models: dict[type[Model], Callable[[Model], int | None]] = field(default_factory=dict)
    order: int = 0
    # The same as ``visible`` for the documents the all-Wales search lists, when that is simpler
    # (decided proposals: everyone with a role in Wales); None: ask ``visible``.
    visible_listed: Callable[[object], QuerySet | None] | None = None


_sources: dict[str, Source] = {}


def register(
    kind: str,
    *,
    label,
    build,
    visible,
    address,
    models: dict | None = None,
    order: int = 0,
    visible_listed=None,
) -> None:
    if kind in _sources:
        raise ValueError(f"A search source called {kind!r} is already registered")
    _sources[kind] = Source(
        kind, label, build, visible, address, models or {}, order, visible_listed
    )


def sources() -> list[Source]:
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


def source(kind: str) -> Source | None:
    return _sources.get(kind)


def sources_for_model(model: type[Model]) -> list[tuple[Source, Callable]]:
    return [(s, s.models[model]) for s in _sources.values() if model in s.models]
