"""More than one machine: two task workers, on two processes, share one queue in PostgreSQL and
never send the same e-mail twice.

The workers send through SMTP to a capture on this machine that takes a little while over each
message, as a relay does, so both are busy at once.
"""

import asyncio
import collections
import time

import pytest
from aiosmtpd.controller import Controller
from django.db import transaction
from django.tasks import TaskResultStatus

from arloesi.core.tasks import send_email
from tests.machines.processes import (
    WORKER_STOP,
    arloesi,
    database_url,
    environment,
    free_port,
    needs_postgresql,
    start,
    stop_all,
    wait_until,
)

# The workers write to the task table only, so only it is emptied afterwards (a flush of every
# table, the default after a test that commits, takes seconds).
pytestmark = [
    needs_postgresql,
    pytest.mark.django_db(transaction=True, available_apps=["django_tasks_db"]),
    pytest.mark.xdist_group("machines"),
]

E_MAILS = 20


class Relay:
    """An SMTP server that keeps who each message was for."""

    def __init__(self) -> None:
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        await asyncio.sleep(0.05)
        self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@pytest.fixture
def relay():
    handler = Relay()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


@pytest.fixture
def two_workers(relay, tmp_path):
    handler, port = relay
    env = environment(
        DATABASE_URL=database_url(),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="0",
        LOG_LEVEL="INFO",
    )
    workers = [
        start(
            f"worker-{name}",
            arloesi("worker", f"--worker-id={name}", "--interval=0.02", "--no-startup-delay"),
            env=env,
            logs=tmp_path,
            stop_signal=WORKER_STOP,
        )
        for name in ("one", "two")
    ]
    try:
        for worker in workers:
            wait_until(
                lambda worker=worker: "Starting worker" in worker.output(),
                what=worker.name,
                processes=workers,
            )
        yield handler, workers
    finally:
        stop_all(workers)


def test_two_workers_send_each_of_twenty_emails_exactly_once(two_workers, settings):
    relay, workers = two_workers
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    recipients = [f"aelod{number}@example.wales" for number in range(E_MAILS)]
    with transaction.atomic():
        results = [
            send_email.enqueue(
                to=to,
                template="proposals/email/submitted_chair",
                context={
                    "full_name": "Aelod",
                    "title": "Eye checks at the flu clinic",
                    "lead_collaborative": "Rhondda GP collaborative",
                    "lead_author": "Dr Rhys",
                    "path": "/en/proposals/1/",
                },
                language="cy",
            )
            for to in recipients
        ]

    def all_finished() -> bool:
        for result in results:
            result.refresh()
        return all(result.is_finished for result in results)

    wait_until(all_finished, what="the twenty e-mails", processes=workers, timeout=60)
    time.sleep(0.2)  # anything sent twice would have reached the relay by now

    assert [result.status for result in results] == [TaskResultStatus.SUCCESSFUL] * E_MAILS
    assert collections.Counter(relay.recipients) == collections.Counter(recipients)
    # Both workers took their share: the queue was shared, not handed to one of them.
    assert {worker for result in results for worker in result.worker_ids} == {"one", "two"}
