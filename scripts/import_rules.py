"""The direction of imports, checked: run by `make lint` (and tested in tests/test_import_rules.py).

The rules (docs/ARCHITECTURE.md, "Layers"):

1. Apps are layered; an app imports only apps in layers below its own. `core` is the bottom
   layer, so it imports no domain app; nothing points up; no two apps import each other.
2. An app talks to another app through its front door: it never imports the other's `models`
   (core's abstract base models excepted),
   the modules behind its `services` or `selectors` packages, nor any private (`_name`) name.
3. A view imports no model (its own app's or another's) and runs no query (`X.objects`): reads
   come from selectors, writes from services.
4. No import cycle between modules at import time (top-level imports).

Tests and migrations are not checked. Demo and benchmark builders (`<app>/sampledata/`) are
tools, not runtime: they may read other apps' models to build data fast, but still follow the
layers.

Usage: python scripts/import_rules.py [PACKAGE_DIR]   (default: arloesi)
"""

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

# Lowest first. A new app is added here and in docs/ARCHITECTURE.md.
LAYERS: list[tuple[str, ...]] = [
    ("core",),
    ("organisations",),
    ("diagrams",),
    ("risks",),
    ("projects",),
    ("proposals",),
    ("measures",),
    ("delivery",),
    ("evaluation",),
    ("learning",),
    ("api",),
]
FRONT_DOORS = ("services", "selectors")
PROJECT_MODULES = ("urls.py", "settings.py", "wsgi.py", "cli.py")


@dataclass(frozen=True)
class Violation:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Import:
    module: str
    names: tuple[str, ...]
    line: int
    top_level: bool


def _layer_of(app: str) -> int | None:
    return next((i for i, apps in enumerate(LAYERS) if app in apps), None)


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(tree: ast.Module, module: str, is_package: bool) -> list[Import]:
    found = []
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(alias.name, (), node.lineno, id(node) in top_level))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            names = tuple(alias.name for alias in node.names)
            found.append(Import(base, names, node.lineno, id(node) in top_level))
    return [imp for imp in found if not _under_type_checking(tree, imp)]


def _under_type_checking(tree: ast.Module, imp: Import) -> bool:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ):
            last = max(getattr(child, "end_lineno", 0) or 0 for child in node.body)
            if node.lineno <= imp.line <= last:
                return True
    return False


def _targets(imp: Import, known: set[str]) -> list[str]:
    """The modules an import reaches: ``from a.b import c`` is ``a.b.c`` when that is a module."""
    if not imp.names:
        return [imp.module]
    modules = [f"{imp.module}.{name}" for name in imp.names if f"{imp.module}.{name}" in known]
    return modules or [imp.module]


def _checked(path: Path) -> bool:
    return not ({"tests", "migrations"} & set(path.parts))


def check(root: Path) -> list[Violation]:
    root = root.resolve()
    files = {
        _module_name(root, path): path
        for path in sorted(root.rglob("*.py"))
        if _checked(path.relative_to(root))
    }
    known = set(files)
    violations: list[Violation] = []
    graph: dict[str, set[str]] = {name: set() for name in files}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        parts = module.split(".")
        # Modules beside the apps (settings, urls, wsgi) compose the apps: they are not one.
        app = parts[1] if len(parts) > 2 or path.name == "__init__.py" and len(parts) == 2 else ""
        is_view = any(part == "views" or part.endswith("_views") for part in parts[2:])
        # Demo and benchmark builders, and the benchmark harness: tools, not runtime.
        is_tool = "sampledata" in parts[2:] or parts[1:3] == ["core", "bench"]
        for imp in _imports(tree, module, path.name == "__init__.py"):
            for target in _targets(imp, known):
                if imp.top_level and target in known:
                    graph[module].add(target)
                violations += _rules(path, module, app, is_view, is_tool, imp, target)
        if is_view:
            violations += [
                Violation(path, node.lineno, "a view runs a query (.objects): use a selector")
                for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and node.attr == "objects"
            ]
    violations += _cycles(graph, files)
    return violations


def _rules(path, module, app, is_view, is_tool, imp: Import, target: str) -> list[Violation]:
    root_package = module.split(".")[0]
    tparts = target.split(".")
    if tparts[0] != root_package or len(tparts) < 2 or not app:
        return []
    other = tparts[1]
    found = []
    if len(tparts) == 2 and f"{target}.py".endswith(PROJECT_MODULES):
        # The project's composition (settings, URLs) is for the tools that run the whole site.
        if not is_tool:
            found.append(f"imports {target}: only the project composes the apps")
        return [Violation(path, imp.line, message) for message in found]
    mine, theirs = _layer_of(app), _layer_of(other)
    if mine is None:
        found.append(f"the app {app!r} has no layer: add it to LAYERS and to ARCHITECTURE.md")
    elif theirs is None and other != app:
        found.append(f"imports {other!r}, which has no layer")
    elif other != app and theirs >= mine:
        found.append(f"{app} imports {other}: an app imports only apps in layers below its own")
    # Core's models are the base classes every app builds on (audit, versions, status rows).
    if other not in (app, "core") and not is_tool and "models" in tparts[2:3]:
        found.append(f"imports {target}: another app's models (use its selectors or services)")
    if other != app and len(tparts) > 3 and tparts[2] in FRONT_DOORS:
        found.append(f"imports {target}: behind {other}'s front door (import {other}.{tparts[2]})")
    private = [name for name in imp.names if name.startswith("_")]
    private += [part for part in tparts[2:] if part.startswith("_") and part != "__init__"]
    if other != app and private:
        found.append(f"imports private name(s) {', '.join(private)} of {other}")
    if is_view and "models" in tparts[2:]:
        found.append(f"a view imports {target}: models are read through selectors")
    return [Violation(path, imp.line, message) for message in found]


def _cycles(graph: dict[str, set[str]], files: dict[str, Path]) -> list[Violation]:
    """Tarjan's strongly connected components over top-level imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[Violation] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                # A package importing its own submodules (its front door) is not a cycle.
                real = [m for m in component if not _is_own_package(m, component)]
                if len(real) > 1:
                    names = " → ".join(sorted(real))
                    found.append(Violation(files[min(real)], 1, f"import cycle: {names}"))

    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _is_own_package(module: str, component: list[str]) -> bool:
    return any(other.startswith(module + ".") for other in component)


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path("arloesi")
    violations = check(root)
    for violation in violations:
        print(violation)
    if violations:
        print(f"{len(violations)} import rule(s) broken; see docs/ARCHITECTURE.md, 'Layers'.")
        return 1
    print(f"Import rules: {root} follows the layers and front doors.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
