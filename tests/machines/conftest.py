"""Two app servers (gunicorn) sharing one PostgreSQL database and one Azure Blob Storage
container (Azurite, Microsoft's emulator), started once for the tests of this package.

They run on PostgreSQL only (`make test-postgres`), where the test database is one other
processes can reach; on SQLite they are skipped, and so they are when Azurite is not installed
(`make azurite`, which needs npm): see ``processes.needs_postgresql`` and ``needs_azurite``.
Azurite and both servers start at once.
"""

import os
import secrets
from pathlib import Path

import pytest

from tests.machines.processes import (
    CONTAINER,
    GUNICORN_STOP,
    Process,
    Server,
    azurite_command,
    connection_string,
    database_url,
    environment,
    free_port,
    gunicorn,
    start,
    stop_all,
    wait_until,
)


class Machines:
    """What the tests reach: the two servers, the store's container, the processes' logs."""

    def __init__(self, a: Server, b: Server, azurite_port: int, var_dirs: list[Path]):
        from azure.storage.blob import BlobServiceClient

        self.a, self.b = a, b
        self.azurite_port = azurite_port
        self.connection_string = connection_string(azurite_port)
        self.container = BlobServiceClient.from_connection_string(
            self.connection_string
        ).get_container_client(CONTAINER)
        self.var_dirs = var_dirs

    def blob_names(self) -> list[str]:
        return sorted(blob.name for blob in self.container.list_blobs())

    def files_on_the_servers_disks(self) -> list[Path]:
        return [path for var in self.var_dirs for path in var.rglob("*") if path.is_file()]


@pytest.fixture(scope="package")
def machines(django_db_setup, django_db_blocker, tmp_path_factory):
    azurite = azurite_command()
    logs = tmp_path_factory.mktemp("machines")
    azurite_port, a_port, b_port = free_port(), free_port(), free_port()
    var_dirs = [logs / "var-a", logs / "var-b"]
    with django_db_blocker.unblock():
        url = database_url()
    shared = {
        "DATABASE_URL": url,
        # One key for every server: sessions, message cookies and links are signed with it.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ARLOESI_STORAGE": "azure",
        "AZURE_CONNECTION_STRING": connection_string(azurite_port),
        "AZURE_CONTAINER": CONTAINER,
        "SIGN_IN_MAX_FAILURES": "3",
        "STORAGE_HEALTH_TIMEOUT_SECONDS": "2",
    }
    processes: list[Process] = []
    try:
        processes.append(
            start(
                "azurite",
                [
                    str(azurite),
                    "--blobHost=127.0.0.1",
                    f"--blobPort={azurite_port}",
                    "--inMemoryPersistence",
                    "--disableTelemetry",
                    "--skipApiVersionCheck",
                    "--silent",
                ],
                env=dict(os.environ),
                logs=logs,
            )
        )
        for name, port, var in (("a", a_port, var_dirs[0]), ("b", b_port, var_dirs[1])):
            # Each server has a disk of its own, as on two machines.
            env = environment(**shared, ARLOESI_VAR_DIR=str(var))
            processes.append(
                start(
                    f"server-{name}", gunicorn(port), env=env, logs=logs, stop_signal=GUNICORN_STOP
                )
            )
        machines = Machines(Server("A", a_port), Server("B", b_port), azurite_port, var_dirs)
        wait_until(
            lambda: "successfully listens" in processes[0].output(),
            what="Azurite",
            processes=processes,
        )
        machines.container.create_container()
        for server in (machines.a, machines.b):
            wait_until(
                lambda server=server: answers_ok(server),
                what=f"server {server.name}",
                processes=processes,
            )
        yield machines
    finally:
        stop_all(processes)


def answers_ok(server: Server) -> bool:
    try:
        return server.get("/healthz").status == 200
    except OSError:
        return False
