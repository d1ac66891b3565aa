"""What the benchmark measures: each app's generator and pages, registered from its
``sampledata/bench`` module, and the context the page functions choose their address and
viewer from.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import translation

from arloesi.core import sampledata

SEED = 2026
BASELINE = "baseline"


@dataclass
class BenchContext:
    """What page functions may use to choose their address and viewer."""

    scale: float
    # Generator name -> the counts it returned.
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # Choices shared by several pages (e.g. the largest cluster), made once.
    picks: dict[str, Any] = field(default_factory=dict)

    def pick(self, key: str, choose: Callable[[], Any]) -> Any:
        if key not in self.picks:
            self.picks[key] = choose()
        return self.picks[key]


@dataclass(frozen=True)
class Generator:
    name: str
    fn: Callable[..., dict[str, int]]
    order: int


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[BenchContext], str]
    # The person to sign in as; None times the page signed out.
    user: Callable[[BenchContext], Any]
    # Why the page shows no more with more data (a blank form), if it does not. Every other page
    # must show more at a larger scale, or its unchanged query count proves nothing
    # (tests/test_query_counts.py).
    does_not_grow: str = ""
    # A file to save that takes longer to make (a PDF) has its own p95 budget, in milliseconds,
    # wherever the scale has one, and is timed with fewer requests (worker.DOWNLOAD_REQUESTS).
    budget_ms: float | None = None
    # Request headers beyond the viewer's session, e.g. an API token (``Authorization``), as
    # the test client's keyword arguments (``HTTP_AUTHORIZATION=...``).
    headers: Callable[[BenchContext], dict[str, str]] | None = None


@dataclass(frozen=True)
class Write:
    """A write timed whole, once, after every page (which it must not disturb): e.g. the API's
    upload of many measures' data. ``run(context)`` prepares what it needs, times only the
    write itself and returns ``{"seconds": …}`` with anything worth keeping beside it; the
    write is held to ``budget_s`` at the scales the speed table has a row for."""

    name: str
    run: Callable[[BenchContext], dict[str, Any]]
    budget_s: float


_generators: dict[str, Generator] = {}
_pages: dict[str, Page] = {}
_writes: dict[str, Write] = {}


def register_generator(name: str, fn: Callable[..., dict[str, int]], order: int) -> None:
    if name in _generators:
        raise ValueError(f"A bench generator called {name!r} is already registered")
    _generators[name] = Generator(name, fn, order)


def register_page(
    name: str,
    *,
    url: Callable[[BenchContext], str],
    user: Callable[[BenchContext], Any],
    does_not_grow: str = "",
    budget_ms: float | None = None,
    headers: Callable[[BenchContext], dict[str, str]] | None = None,
) -> None:
    if name in _pages or name == BASELINE:
        raise ValueError(f"A bench page called {name!r} is already registered")
    _pages[name] = Page(name, url, user, does_not_grow, budget_ms, headers)


def register_write(
    name: str, *, run: Callable[[BenchContext], dict[str, Any]], budget_s: float
) -> None:
    if name in _writes:
        raise ValueError(f"A bench write called {name!r} is already registered")
    _writes[name] = Write(name, run, budget_s)


def _any_person(context: BenchContext):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True).order_by("pk").first()


# The yardstick: the smallest page through the whole middleware stack, for a signed-in person
# (so that loading the session and the person is part of it, as it is of every other page).
# Its address exists only in the benchmark's own URLs (``bench.urls``), never in production.
_baseline = Page(
    BASELINE,
    url=lambda context: reverse("baseline"),
    user=_any_person,
    does_not_grow="the yardstick: an empty page",
)


def discover() -> None:
    """Import the ``sampledata/bench.py`` of every installed ``arloesi.*`` app (they register)."""
    sampledata.discover("bench")


def generators() -> list[Generator]:
    return sorted(_generators.values(), key=lambda generator: generator.order)


def pages() -> list[Page]:
    """The baseline first, then the registered pages in the order they were registered."""
    return [_baseline, *_pages.values()]


def writes() -> list[Write]:
    return list(_writes.values())


def page_get(name: str) -> Page:
    return _baseline if name == BASELINE else _pages[name]


def generate(*, scale: float, seed: int = SEED) -> BenchContext:
    """Run every generator at ``scale``; the context records what each one made."""
    context = BenchContext(scale=scale)
    rng = random.Random(seed)
    for generator in generators():
        context.counts[generator.name] = generator.fn(scale=scale, rng=rng)
    return context


def page_headers(page: Page, context: BenchContext) -> dict[str, str]:
    """The request headers the page is asked with (its API token), once per context."""
    if page.headers is None:
        return {}
    return context.pick(f"headers of {page.name}", lambda: page.headers(context))


def page_target(page: Page, context: BenchContext) -> tuple[str, Any]:
    """The address and the viewer, the address in the viewer's own language (so that the
    language middleware has nothing to save)."""
    user = page.user(context)
    with translation.override(getattr(user, "preferred_language", None) or "en"):
        url = page.url(context)
    return url, user
