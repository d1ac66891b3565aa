"""Demo and benchmark data: tools, not the running product.

Each domain app keeps its builders in its own ``sampledata`` package — ``demo.py`` (what
``make run`` shows a newcomer) and ``bench.py`` (synthetic all-Wales data for ``make bench``) —
and registers them when imported. Nothing the server runs imports a ``sampledata`` module: the
``load_demo`` command and the benchmark harness find them here, through ``discover``.
"""

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import transaction

# Every demo person signs in with this password (printed by ``make run``).
DEMO_PASSWORD = "arloesi-demo-2026"


class DemoDataRefusedError(Exception):
    """Demo data asked for where demo mode is off (a real deployment)."""


@dataclass
class DemoReport:
    """What one app's demo loader made: sign-ins to print, and a line or two to say."""

    # (email, role, organisation)
    sign_ins: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DemoLoader:
    name: str
    load: Callable[[], DemoReport]
    # Lower first: organisations before the apps whose data needs its people.
    order: int


_demo_loaders: dict[str, DemoLoader] = {}


def register_demo(name: str, load: Callable[[], DemoReport], *, order: int) -> None:
    if name in _demo_loaders:
        raise ValueError(f"A demo loader called {name!r} is already registered")
    _demo_loaders[name] = DemoLoader(name, load, order)


def discover(kind: str) -> None:
    """Import ``arloesi.<app>.sampledata.<kind>`` of every installed app (they register)."""
    for app_config in apps.get_app_configs():
        if not app_config.name.startswith("arloesi."):
            continue
        package = importlib.util.find_spec(f"{app_config.name}.sampledata")
        # Core's own ``sampledata`` is this module, not a package of builders.
        if package is None or package.submodule_search_locations is None:
            continue
        if importlib.util.find_spec(f"{app_config.name}.sampledata.{kind}"):
            importlib.import_module(f"{app_config.name}.sampledata.{kind}")


def demo_loaders() -> list[DemoLoader]:
    discover("demo")
    return sorted(_demo_loaders.values(), key=lambda loader: loader.order)


@transaction.atomic
def load_demo() -> list[DemoReport]:
    """Load (or top up) every app's demo data, in order. Refused unless demo mode is on."""
    if not settings.DEMO_MODE:
        raise DemoDataRefusedError(
            "Demo data is only loaded with ARLOESI_DEMO=1, never in production."
        )
    return [loader.load() for loader in demo_loaders()]
