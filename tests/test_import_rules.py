"""`make lint` fails when an import breaks the layers (scripts/import_rules.py): each rule is
shown breaking on a small tree made for it, and the product itself keeps them all."""

import importlib.util
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "import_rules.py"


def _rules():
    spec = importlib.util.spec_from_file_location("import_rules", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rules = _rules()


def tree(tmp_path: Path, files: dict[str, str]) -> Path:
    """A package ``arloesi`` with the given modules (and every ``__init__.py`` they need)."""
    root = tmp_path / "arloesi"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in [path.parent, *path.parent.parents]:
            if folder == root.parent:
                break
            (folder / "__init__.py").touch(exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    return [violation.message for violation in rules.check(root)]


def test_core_imports_no_domain_app(tmp_path):
    root = tree(tmp_path, {"core/audit.py": "from arloesi.proposals import services\n"})
    assert messages(root) == [
        "core imports proposals: an app imports only apps in layers below its own"
    ]


def test_nothing_points_up_and_no_two_apps_import_each_other(tmp_path):
    root = tree(
        tmp_path,
        {
            "organisations/demo.py": "from arloesi.proposals import selectors\n",
            "proposals/services.py": "from arloesi.organisations import selectors\n",
        },
    )
    assert messages(root) == [
        "organisations imports proposals: an app imports only apps in layers below its own"
    ]


def test_a_view_imports_no_model_and_runs_no_query(tmp_path):
    root = tree(
        tmp_path,
        {
            "proposals/models.py": "",
            "proposals/views/writing.py": (
                "from arloesi.proposals.models import Proposal\n"
                "def page(request):\n"
                "    return Proposal.objects.all()\n"
            ),
        },
    )
    assert messages(root) == [
        "a view imports arloesi.proposals.models: models are read through selectors",
        "a view runs a query (.objects): use a selector",
    ]


def test_an_app_does_not_import_another_apps_models(tmp_path):
    root = tree(
        tmp_path,
        {
            "organisations/models.py": "",
            "proposals/services.py": "from arloesi.organisations.models import Person\n",
        },
    )
    assert messages(root) == [
        "imports arloesi.organisations.models: another app's models (use its selectors or services)"
    ]


def test_an_app_does_not_reach_behind_another_apps_front_door(tmp_path):
    root = tree(
        tmp_path,
        {
            "projects/services/rules.py": "",
            "proposals/services.py": "from arloesi.projects.services.rules import locked\n",
        },
    )
    assert messages(root) == [
        "imports arloesi.projects.services.rules: behind projects's front door "
        "(import projects.services)"
    ]


def test_an_app_does_not_import_another_apps_private_names(tmp_path):
    root = tree(
        tmp_path,
        {
            "organisations/selectors.py": "def _reach(): pass\n",
            "proposals/services.py": "from arloesi.organisations.selectors import _reach\n",
        },
    )
    assert messages(root) == ["imports private name(s) _reach of organisations"]


def test_an_import_cycle_is_found(tmp_path):
    root = tree(
        tmp_path,
        {
            "proposals/a.py": "from arloesi.proposals import b\n",
            "proposals/b.py": "from arloesi.proposals import a\n",
        },
    )
    assert messages(root) == ["import cycle: arloesi.proposals.a → arloesi.proposals.b"]


def test_an_app_without_a_layer_is_named(tmp_path):
    root = tree(tmp_path, {"gardens/services.py": "from arloesi.core import audit\n"})
    assert messages(root) == [
        "the app 'gardens' has no layer: add it to LAYERS and to ARCHITECTURE.md"
    ]


def test_tests_migrations_and_builders_are_tools_not_runtime(tmp_path):
    root = tree(
        tmp_path,
        {
            "organisations/models.py": "",
            "proposals/tests/test_x.py": "from arloesi.organisations.models import Person\n",
            "proposals/sampledata/bench.py": "from arloesi.organisations.models import Person\n",
        },
    )
    assert messages(root) == []


def test_the_product_keeps_every_rule():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(REPO / "arloesi")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
