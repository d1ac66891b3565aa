"""Links that let someone take a role or reset a password are never stored readable: the task
table keeps ids only, the worker makes the links, and the invitation keeps only a hash.

These tests use the real database task backend and run the worker in the test (task_worker)."""

import json
import re

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from arloesi.organisations import tasks, tokens
from arloesi.organisations.models import Invitation
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    CollaborativeFactory,
    PersonFactory,
    person_with_role,
)

pytestmark = pytest.mark.django_db


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def everything_the_task_table_holds() -> str:
    return json.dumps(
        list(DBTaskResult.objects.values("args_kwargs", "return_value", "traceback")),
        default=str,
    )


def invite(client, collaborative, email="nia@example.org"):
    client.force_login(person_with_role(Role.COLLABORATIVE_LEAD, collaborative))
    response = client.post(
        f"/en/organisations/{collaborative.pk}/invite/",
        {"full_name": "Nia Nurse", "email": email, "role": Role.PRACTITIONER, "language": "en"},
    )
    assert response.status_code == 302
    client.logout()
    return Invitation.objects.get(email=email)


def test_task_rows_hold_ids_only_and_the_worker_sends_working_links(client, task_worker):
    collaborative = CollaborativeFactory()
    invitation = invite(client, collaborative)
    person = PersonFactory(email="gareth@example.org")
    assert client.post("/en/password-reset/", {"email": person.email}).status_code == 302

    # Nothing is sent, and nothing that opens anything is stored, before the worker runs.
    assert mail.outbox == []
    invitation.refresh_from_db()
    assert invitation.token_hash is None
    queued = {row.task_path: row.args_kwargs for row in DBTaskResult.objects.all()}
    assert queued[tasks.invitation_email_send.module_path] == {
        "args": [],
        "kwargs": {"invitation_id": invitation.pk},
    }
    assert queued[tasks.password_reset_email_send.module_path] == {
        "args": [],
        "kwargs": {"person_id": person.pk},
    }

    task_worker()

    invitation_mail, reset_mail = sorted(mail.outbox, key=lambda m: m.to[0] != "nia@example.org")
    accept, reset = link_path(invitation_mail), link_path(reset_mail)
    token = accept.rstrip("/").rsplit("/", 1)[1]
    stored = everything_the_task_table_holds()
    for secret in (token, accept, reset, reset.split("/")[-2], "/invitations/", "/password-reset/"):
        assert secret not in stored
    invitation.refresh_from_db()
    assert token not in json.dumps(list(Invitation.objects.values()), default=str)
    assert invitation.token_hash == tokens.token_hash(token)

    # The links work.
    assert client.get(accept).status_code == 200
    assert client.get(reset).status_code == 200


def test_an_invitation_task_run_twice_sends_the_same_working_link(client, task_worker):
    """A worker killed after sending leaves its task to be run again: the person then has two
    e-mails, and both links open the invitation (the token is derived, not drawn again)."""
    invitation = invite(client, CollaborativeFactory())
    task_worker()
    tasks.invitation_email_send.enqueue(invitation_id=invitation.pk)
    task_worker()
    first, second = mail.outbox
    assert link_path(first) == link_path(second)
    assert client.get(link_path(first)).status_code == 200


def test_a_reset_task_run_twice_leaves_two_working_links(client, task_worker):
    person = PersonFactory()
    client.post("/en/password-reset/", {"email": person.email})
    tasks.password_reset_email_send.enqueue(person_id=person.pk)
    task_worker()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert client.get(link_path(message)).status_code == 200


def test_nothing_is_sent_for_an_invitation_withdrawn_before_the_worker_runs(client, task_worker):
    collaborative = CollaborativeFactory()
    lead = person_with_role(Role.CLUSTER_LEAD, collaborative.parent)
    client.force_login(lead)
    client.post(
        f"/en/organisations/{collaborative.pk}/invite/",
        {
            "full_name": "Nia",
            "email": "nia@example.org",
            "role": Role.PRACTITIONER,
            "language": "en",
        },
    )
    invitation = Invitation.objects.get()
    client.post(f"/en/organisations/invitations/{invitation.pk}/withdraw/")
    task_worker()
    assert mail.outbox == []
    invitation.refresh_from_db()
    assert invitation.token_hash is None


def test_a_reset_request_for_an_unknown_address_sends_nothing(client, task_worker):
    client.post("/en/password-reset/", {"email": "nobody@example.org"})
    task_worker()
    assert mail.outbox == []
