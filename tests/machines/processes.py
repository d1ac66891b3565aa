"""Real processes for the tests of more than one machine: app servers, task workers, Azurite;
and a browser that keeps its cookies whichever server it talks to.

Everything listens on 127.0.0.1 only, on ports the system hands out, and is stopped at the end.
"""

import http.client
import http.cookies
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

REPO = Path(__file__).resolve().parents[2]

# Azurite's one account and its key, the same in every copy of it (Microsoft publishes them).
AZURITE_ACCOUNT = "devstoreaccount1"
AZURITE_KEY = (
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)
CONTAINER = "arloesi"


def connection_string(port: int) -> str:
    return (
        f"DefaultEndpointsProtocol=http;AccountName={AZURITE_ACCOUNT};AccountKey={AZURITE_KEY};"
        f"BlobEndpoint=http://127.0.0.1:{port}/{AZURITE_ACCOUNT};"
    )


AZURITE_PACKAGE = Path(__file__).resolve().parent / "azurite" / "package.json"


def azurite_command() -> Path:
    """Where `make azurite` puts Azurite's blob service (ARLOESI_AZURITE, from the Makefile)."""
    if configured := os.environ.get("ARLOESI_AZURITE"):
        return Path(configured)
    version = json.loads(AZURITE_PACKAGE.read_text())["dependencies"]["azurite"]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "arloesi" / f"azurite-{version}" / "node_modules" / ".bin" / "azurite-blob"


# Decided before a test starts, so that a test left out sets nothing up (not even its database).
needs_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="processes share one database: runs on PostgreSQL (make test-postgres)",
)
needs_azurite = pytest.mark.skipif(
    not azurite_command().exists() or shutil.which("node") is None,
    reason=f"Azurite is not installed at {azurite_command()} (make azurite; needs npm and node)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The test database, as the address another process connects to."""
    db = connection.settings_dict
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def environment(**values: str) -> dict[str, str]:
    """This process's environment (the tests' settings, plain HTTP) with ``values`` over it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env | {"DEBUG": "0", "ARLOESI_DEMO": "0"} | values


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path
    # How it is stopped when the tests are done with it: at once, nothing of it is kept.
    stop_signal: signal.Signals = signal.SIGTERM

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(self.stop_signal)
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()


def start(
    name: str,
    command: list[str],
    *,
    env: dict[str, str],
    logs: Path,
    stop_signal: signal.Signals = signal.SIGTERM,
) -> Process:
    log = logs / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(  # noqa: S603 - our own commands
            command, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT
        )
    return Process(name, popen, log, stop_signal)


def stop_all(processes: list[Process]) -> None:
    for process in processes:
        if process.popen.poll() is None:
            process.popen.send_signal(process.stop_signal)
    for process in processes:
        process.stop()


def wait_until(ready, *, what: str, processes: list[Process], timeout: float = 60) -> None:
    """Poll ``ready()`` until it is true; fail with the processes' output if one has died or
    time has run out."""
    deadline = time.monotonic() + timeout
    while not ready():
        for process in processes:
            if process.popen.poll() is not None:
                raise AssertionError(f"{process.name} stopped:\n{process.output()[-3000:]}")
        if time.monotonic() > deadline:
            outputs = "\n".join(f"--- {p.name}\n{p.output()[-2000:]}" for p in processes)
            raise AssertionError(f"{what} not ready within {timeout}s\n{outputs}")
        time.sleep(0.05)


# gunicorn's quick shutdown (its master stops its worker too); a task worker whose tasks are
# all done is simply ended.
GUNICORN_STOP = signal.SIGQUIT
WORKER_STOP = signal.SIGKILL


def gunicorn(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "arloesi.wsgi",
        f"--bind=127.0.0.1:{port}",
        "--workers=1",
        "--threads=4",
        "--graceful-timeout=2",
    ]


def arloesi(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "arloesi.cli", *arguments]


# --- A browser ------------------------------------------------------------------------------------


@dataclass
class Page:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("location", "")

    def csrf_token(self) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.text)
        assert found, f"no form on the page ({self.status})"
        return found.group(1)


@dataclass
class Server:
    name: str
    port: int

    def get(self, path: str) -> Page:
        return Browser().get(self, path)


@dataclass
class Browser:
    """A person's browser: its cookies go to every server (one site behind a load balancer);
    it follows no redirect, so each test says which server the next request goes to."""

    cookies: dict[str, str] = field(default_factory=dict)

    def get(self, server: Server, path: str) -> Page:
        return self.request(server, "GET", path)

    def post(self, server: Server, path: str, fields: dict, files: dict | None = None) -> Page:
        if files:
            boundary = uuid.uuid4().hex
            body = multipart(boundary, fields, files)
            content_type = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        return self.request(server, "POST", path, body, {"Content-Type": content_type})

    def request(self, server, method, path, body=None, headers=None) -> Page:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            page = Page(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
            for header in response.headers.get_all("Set-Cookie") or []:
                self._keep(header)
        finally:
            conn.close()
        return page

    def _keep(self, header: str) -> None:
        for name, morsel in http.cookies.SimpleCookie(header).items():
            if morsel.value == "" or morsel["max-age"] == "0":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.coded_value


def multipart(boundary: str, fields: dict, files: dict) -> bytes:
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()
