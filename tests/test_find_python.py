"""How `make` gets its Python: scripts/find-python, scripts/bootstrap-python, scripts/python-advice.

Each test builds a small machine in a temporary folder: a PATH holding only the shell tools the
scripts use and fake `python3.X`, `pyenv` and `uv` stubs, a fake /etc/os-release and a fake .tools
folder. Nothing is downloaded and nothing outside the temporary folder is touched.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
UV_VERSION = re.search(r"^UV_VERSION=(\S+)$", (SCRIPTS / "bootstrap-python").read_text(), re.M)[1]
SUDO = "" if os.geteuid() == 0 else "sudo "
ADVICE_START = "Arloesi needs Python 3.12 or newer"
SHELL_TOOLS = ("sh", "sed", "grep", "sort", "tr", "head", "cp", "mkdir", "rm", "dirname", "id")

RELEASES = {
    "debian 12": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
    "debian 13": 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\nVERSION_ID="13"\n',
    "ubuntu 22.04": 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\n',
    "ubuntu 24.04": 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n',
    "fedora 41": 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=41\n',
}


def python_stub(version, *, venv=True, pip=None, calls=None, uv=None):
    """A shell script that answers find-python's checks like Python `version` would.

    pip: None (no pip module), "ok" (`pip install --target DIR` puts the fake `uv` in DIR/bin)
    or "fail" (prints an error, as without network, and exits 1).
    """
    new_enough = tuple(int(part) for part in version.split(".")) >= (3, 12)
    install = {
        None: "exit 1",
        "fail": 'echo "ERROR: Could not find a version that satisfies the requirement" >&2; exit 1',
        "ok": 'while [ $# -gt 0 ]; do [ "$1" = --target ] && target=$2; shift; done; '
        f'mkdir -p "$target/bin" && cp "{uv}" "$target/bin/uv" && exit 0',
    }[pip]
    return f"""#!/bin/sh
# Fake Python {version}
case "$*" in
    *"version_info < (3,12)"*) exit {0 if new_enough else 1} ;;
    *"import venv, ensurepip"*) exit {0 if venv else 1} ;;
    "-m pip --version") exit {1 if pip is None else 0} ;;
    "-m pip install "*)
        echo "pip $*" >>'{calls}'
        {install} ;;
esac
exit 1
"""


class Machine:
    """A temporary machine: its PATH, its os-release, the project's .tools folder."""

    def __init__(self, tmp_path, release="debian 12"):
        self.root = tmp_path
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        for tool in SHELL_TOOLS:
            (self.bin / tool).symlink_to(shutil.which(tool))
        self.calls = tmp_path / "calls.log"
        self.calls.touch()
        self.tools = tmp_path / "project-tools"
        self.os_release = tmp_path / "os-release"
        self.os_release.write_text(RELEASES[release])
        self.good_python = self.script("good-python", python_stub("3.13.9"))
        self.uv_install_works = True

    def script(self, name, text, folder=None):
        path = (folder or self.root) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(0o755)
        return path

    def add_python(self, name, version, *, venv=True, pip=None):
        self.script(
            name,
            python_stub(version, venv=venv, pip=pip, calls=self.calls, uv=self.fake_uv()),
            self.bin,
        )

    def fake_uv(self):
        """A `uv` whose `python install` puts a good Python 3.13 in UV_PYTHON_INSTALL_DIR."""
        installed = "$UV_PYTHON_INSTALL_DIR/cpython-3.13-linux-x86_64-gnu/bin/python3.13"
        if self.uv_install_works:
            install = f'mkdir -p "${{p%/*}}" && cp "{self.good_python}" "$p"'
        else:
            install = 'echo "error: Failed to download cpython-3.13 (dns error)" >&2; exit 1'
        return self.script(
            "fake-uv",
            f"""#!/bin/sh
echo "uv $* UV_PYTHON_INSTALL_DIR=$UV_PYTHON_INSTALL_DIR UV_CACHE_DIR=$UV_CACHE_DIR" \\
    >>'{self.calls}'
p="{installed}"
case "$1 ${{2:-}}" in
    "--version "*) echo "uv {UV_VERSION} (x86_64-unknown-linux-gnu)" ;;
    "python install") {install} ;;
    "python find") [ -x "$p" ] && echo "$p" || exit 2 ;;
    *) exit 2 ;;
esac
""",
        )

    def add_pyenv(self, versions, installed):
        """A `pyenv` listing `versions`, of which `installed` have a good python3 under its root."""
        pyenv_root = self.root / "pyenv"
        for version in installed:
            self.script("python3", python_stub(version), pyenv_root / "versions" / version / "bin")
        listing = " ".join(versions)
        self.script(
            "pyenv",
            f"""#!/bin/sh
case "$1" in
    root) echo '{pyenv_root}' ;;
    versions) printf '%s\\n' {listing} ;;
esac
""",
            self.bin,
        )
        return pyenv_root

    def run(self, script="find-python", **env):
        environment = {
            "PATH": str(self.bin),
            "HOME": str(self.root / "home"),
            "ARLOESI_OS_RELEASE": str(self.os_release),
            "ARLOESI_TOOLS_DIR": str(self.tools),
            **env,
        }
        return subprocess.run(
            [str(SCRIPTS / script)], env=environment, capture_output=True, text=True, timeout=30
        )

    def called(self):
        return self.calls.read_text()


def advice(result):
    """The one line of advice on stderr; fails unless there is exactly one."""
    lines = [line for line in result.stderr.splitlines() if line.startswith(ADVICE_START)]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def machine(tmp_path):
    return Machine(tmp_path)


# Finding an installed Python


def test_python313_on_path_is_chosen(machine):
    machine.add_python("python3", "3.11.2", pip="ok")
    machine.add_python("python3.13", "3.13.5")

    result = machine.run()

    assert (result.returncode, result.stdout, result.stderr) == (0, "python3.13\n", "")
    assert machine.called() == ""


def test_python3_that_is_311_is_rejected(machine):
    machine.add_python("python3", "3.11.2")

    result = machine.run()

    assert result.returncode == 1
    assert result.stdout == ""
    assert "apt-get install python3-pip" in advice(result)


def test_python312_without_venv_is_rejected(tmp_path):
    # Ubuntu 24.04's own python3 is 3.12, but ensurepip comes in python3.12-venv.
    machine = Machine(tmp_path, "ubuntu 24.04")
    machine.add_python("python3", "3.12.3", venv=False)
    machine.add_python("python3.12", "3.12.3", venv=False)

    result = machine.run()

    assert result.returncode == 1
    assert f"Run: {SUDO}apt-get install python3.12 python3.12-venv, then make" in advice(result)


def test_pyenv_fallback_takes_the_newest_installed_313(machine):
    machine.add_python("python3", "3.11.7", pip="ok")
    pyenv_root = machine.add_pyenv(
        ["system", "3.11.7", "3.12.1", "3.13.1t", "3.13.2", "3.13.10"],
        installed=["3.12.1", "3.13.2", "3.13.10"],
    )

    result = machine.run()

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{pyenv_root}/versions/3.13.10/bin/python3\n"
    assert machine.called() == ""


# Fetching one when none is installed


def test_bootstrap_installs_uv_and_python_into_the_tools_folder(machine):
    machine.add_python("python3", "3.11.2", pip="ok")

    result = machine.run()

    assert result.returncode == 0, result.stderr
    python = machine.tools / "python/cpython-3.13-linux-x86_64-gnu/bin/python3.13"
    assert result.stdout == f"{python}\n"
    assert result.stderr.startswith(f"No Python 3.12 or newer found: fetching uv {UV_VERSION} ")
    calls = machine.called()
    pip_install = f"--only-binary :all: --target {machine.tools}/uv uv=={UV_VERSION}"
    assert "pip -m pip install --quiet " in calls
    assert pip_install in calls
    assert (
        f"uv python install --no-bin 3.13 UV_PYTHON_INSTALL_DIR={machine.tools}/python "
        f"UV_CACHE_DIR={machine.tools}/cache"
    ) in calls


def test_second_run_reuses_what_the_first_fetched(machine):
    machine.add_python("python3", "3.11.2", pip="ok")
    first = machine.run()
    machine.calls.write_text("")

    second = machine.run()

    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, "")
    assert "pip" not in machine.called()
    assert "python install" not in machine.called()


def test_bootstrap_alone_prints_the_interpreter(machine):
    machine.add_python("python3", "3.11.2", pip="ok")

    result = machine.run("bootstrap-python")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(str(machine.tools / "python"))


# One line of advice when fetching cannot work


def test_debian12_download_failure_says_exactly_what_to_do(machine):
    machine.uv_install_works = False
    machine.add_python("python3", "3.11.2", pip="ok")

    result = machine.run()

    assert result.returncode == 1
    assert result.stdout == ""
    log = machine.tools / "bootstrap.log"
    # The progress line, then the advice: uv's own error goes to the log, not the screen.
    assert result.stderr.splitlines()[1:] == [
        "Arloesi needs Python 3.12 or newer with venv; none was found and fetching Python 3.13 "
        f"with uv failed (see {log}). Debian 12 packages no Python 3.12 or newer, so let this "
        "machine reach PyPI and GitHub (where uv gets Python) and run make again, or run make "
        "PYTHON=/path/to/python3.13."
    ]
    assert "Failed to download" in log.read_text()


def test_pip_failure_is_reported_in_one_line_with_the_log(machine):
    machine.add_python("python3", "3.11.2", pip="fail")

    result = machine.run()

    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 2
    assert "fetching Python 3.13 with uv failed (see " in advice(result)
    assert "Could not find a version" in (machine.tools / "bootstrap.log").read_text()


@pytest.mark.parametrize(
    ("release", "expected"),
    [
        ("debian 12", f"so run: {SUDO}apt-get install python3-pip, then make again"),
        ("debian 13", f"Run: {SUDO}apt-get install python3.13 python3.13-venv, then make again."),
        (
            "ubuntu 22.04",
            f"Run: {SUDO}add-apt-repository ppa:deadsnakes/ppa && "
            f"{SUDO}apt-get install python3.13 python3.13-venv, then make again.",
        ),
        (
            "ubuntu 24.04",
            f"Run: {SUDO}apt-get install python3.12 python3.12-venv, then make again.",
        ),
        ("fedora 41", "from your system's packages (or pip for python3, so that make can fetch"),
    ],
)
def test_no_pip_to_fetch_with(tmp_path, release, expected):
    machine = Machine(tmp_path, release)
    machine.add_python("python3", "3.11.2")

    result = machine.run()

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    line = advice(result)
    assert "none was found and no python3 with pip is there to fetch one." in line
    assert expected in line
    assert not machine.tools.exists()


@pytest.mark.parametrize(
    ("release", "expected"),
    [
        ("debian 12", "let this machine reach PyPI and GitHub (where uv gets Python)"),
        ("ubuntu 22.04", "add-apt-repository ppa:deadsnakes/ppa && "),
        ("ubuntu 24.04", "apt-get install python3.12 python3.12-venv, then make again."),
        ("fedora 41", "(or let this machine reach PyPI and GitHub), then run make again."),
    ],
)
def test_download_failure(tmp_path, release, expected):
    machine = Machine(tmp_path, release)
    machine.uv_install_works = False
    machine.add_python("python3", "3.11.2", pip="ok")

    result = machine.run()

    assert result.returncode == 1
    assert expected in advice(result)
    assert result.stderr.splitlines()[-1] == advice(result)


def test_no_python_at_all_and_no_os_release(machine):
    machine.os_release.unlink()

    result = machine.run()

    assert result.returncode == 1
    assert advice(result) == (
        "Arloesi needs Python 3.12 or newer with venv; none was found and no python3 with pip "
        "is there to fetch one. Install Python 3.12 or newer with its venv module from your "
        "system's packages (or pip for python3, so that make can fetch one), then run make again."
    )


def test_opting_out_fetches_nothing(machine):
    machine.add_python("python3", "3.11.2", pip="ok")

    result = machine.run(ARLOESI_NO_PYTHON_DOWNLOAD="1")

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "ARLOESI_NO_PYTHON_DOWNLOAD=1 stops make fetching one" in advice(result)
    assert "unset ARLOESI_NO_PYTHON_DOWNLOAD to let make fetch Python 3.13 with uv" in advice(
        result
    )
    assert machine.called() == ""
    assert not machine.tools.exists()


def test_opt_out_does_not_hide_an_installed_python(machine):
    machine.add_python("python3.12", "3.12.8")

    result = machine.run(ARLOESI_NO_PYTHON_DOWNLOAD="1")

    assert (result.returncode, result.stdout) == (0, "python3.12\n")


def test_opt_out_still_uses_what_was_fetched_before(machine):
    machine.add_python("python3", "3.11.2", pip="ok")
    fetched = machine.run().stdout
    machine.calls.write_text("")

    result = machine.run(ARLOESI_NO_PYTHON_DOWNLOAD="1")

    assert (result.returncode, result.stdout, result.stderr) == (0, fetched, "")
    assert "python install" not in machine.called()


# The Makefile


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_needs_no_python(machine):
    for tool in ("make", "awk"):
        (machine.bin / tool).symlink_to(shutil.which(tool))

    result = subprocess.run(
        ["make", "help"],
        cwd=ROOT,
        env={"PATH": str(machine.bin)},
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 0, result.stderr
    assert "install" in result.stdout
    assert "clean" in result.stdout
