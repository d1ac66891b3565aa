"""More than one machine: whichever app server answers, a person's files, session, messages and
failed sign-ins are the same.

Two gunicorn servers share one PostgreSQL database and one Azure Blob Storage container
(Azurite); each has a disk of its own. A person's browser goes to one, then the other, as a load
balancer would send it.
"""

import os

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings
from django.urls import reverse

from arloesi.core import stored_files
from arloesi.core.models import AuditEvent
from arloesi.organisations.tests.factories import PASSWORD
from arloesi.proposals.models import ProposalAttachment
from arloesi.proposals.tests.factories import draft, setting
from tests.machines.processes import (
    CONTAINER,
    Browser,
    Server,
    needs_azurite,
    needs_postgresql,
)

pytestmark = [needs_postgresql, needs_azurite, pytest.mark.xdist_group("machines")]


def able_to_sign_in(*people) -> None:
    """The servers check passwords with the production hasher, not the tests' fast one."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        hashed = make_password(PASSWORD)
    for person in people:
        person.password = hashed
        person.save(update_fields=["password"])


def sign_in(browser: Browser, server: Server, email: str, password: str = PASSWORD):
    form = browser.get(server, "/en/sign-in/")
    return browser.post(
        server,
        "/en/sign-in/",
        {"csrfmiddlewaretoken": form.csrf_token(), "email": email, "password": password},
    )


@pytest.mark.django_db(transaction=True)
def test_whichever_server_answers_the_person_finds_the_same_session_messages_and_files(machines):
    """One journey, from server to server, in stages: a test that commits is followed by a
    flush of the database, which gives the content types new ids that running servers, having
    cached the old ones, would not know of — so the servers serve one such test."""
    s = setting()
    proposal = draft(s)
    able_to_sign_in(s.author, s.chair)
    browser = Browser()
    content = b"%PDF-1.7\n" + os.urandom(3 * 1024 * 1024)
    attachments = reverse("proposals:attachments", kwargs={"proposal_id": proposal.pk})

    # Signed in on A, and recognised on B.
    assert sign_in(browser, machines.a, s.author.email).status == 302
    form = browser.get(machines.b, attachments)
    assert form.status == 200

    # Uploaded through A; the message A sets on its redirect is shown by B, once.
    sent = browser.post(
        machines.a,
        attachments,
        {"csrfmiddlewaretoken": form.csrf_token()},
        files={"file": ("Archwiliad llygaid.pdf", content)},
    )
    assert sent.status == 302 and sent.location == attachments
    shown = browser.get(machines.b, sent.location)
    assert "Archwiliad llygaid.pdf has been attached." in shown.text
    assert "has been attached" not in browser.get(machines.a, attachments).text

    # Kept in the shared store, on neither server's disk.
    attachment = ProposalAttachment.objects.get()
    assert machines.blob_names() == [attachment.file.name]
    assert machines.files_on_the_servers_disks() == []

    # Downloaded through B, byte for byte, from Arloesi's page (scoped and recorded), never
    # from an address of the store.
    download = browser.get(machines.b, download_path(attachment))
    assert download.status == 200
    assert download.body == content
    assert download.headers["content-disposition"].startswith("attachment;")
    assert all(str(machines.azurite_port) not in value for value in download.headers.values())
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DOWNLOADED, object_id=str(attachment.pk), actor=s.author
    ).exists()
    assert Browser().get(machines.a, download_path(attachment)).location.startswith("/en/sign-in/")

    # Signed out on B: A no longer knows the person either.
    home = browser.get(machines.b, "/en/")
    signed_out = browser.post(
        machines.b, "/en/sign-out/", {"csrfmiddlewaretoken": home.csrf_token()}
    )
    assert signed_out.status == 302
    assert browser.get(machines.a, "/en/").location.startswith("/en/sign-in/")

    # Failed sign-ins count wherever they were made: three (SIGN_IN_MAX_FAILURES for these
    # servers) on A, B and A refuse the address, even with the right password, on B.
    for server in (machines.a, machines.b, machines.a):
        failed = sign_in(browser, server, s.chair.email, password="not-the-password")
        assert "The email address or password is not right" in failed.text
    refused = sign_in(browser, machines.b, s.chair.email)
    assert refused.status == 200
    assert "too many attempts to sign in with this email address" in refused.text

    # And both servers report the shared store healthy.
    for server in (machines.a, machines.b):
        assert (server.get("/healthz").status, server.get("/healthz").body) == (200, b"ok\n")


def download_path(attachment) -> str:
    return reverse(
        "proposals:attachment_download",
        kwargs={"proposal_id": attachment.proposal_id, "attachment_id": attachment.pk},
    )


@pytest.mark.django_db
def test_healthz_answers_503_when_the_container_is_not_there(machines, client, settings):
    def container(name: str) -> dict:
        options = {"azure_container": name, "connection_string": machines.connection_string}
        return {**settings.STORAGES, "default": {"BACKEND": stored_files.AZURE, "OPTIONS": options}}

    settings.STORAGES = container("no-such-container")
    assert client.get("/healthz").status_code == 503
    settings.STORAGES = container(CONTAINER)
    assert client.get("/healthz").status_code == 200
