"""The S3 store for real: an S3-compatible server (moto's) on this computer, spoken to over HTTP
by django-storages' S3 backend, as a bucket of any S3-compatible store would be. A person's
attachment goes into the bucket, comes back byte for byte through Arloesi's own scoped, recorded
page, and /healthz sees the bucket answer, and then not."""

import os
import socket
import urllib.request

import boto3
import pytest
from django.urls import reverse
from moto.server import ThreadedMotoServer

from arloesi import settings as project_settings
from arloesi.core import stored_files
from arloesi.core.models import AuditEvent
from arloesi.proposals.models import ProposalAttachment
from arloesi.proposals.tests.factories import draft, setting

BUCKET = "arloesi-attachments"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def s3_server(monkeypatch):
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # The server keeps its buckets in this process: each test starts from none.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "arloesi")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2").create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    try:
        yield server, endpoint
    finally:
        server.stop()


@pytest.fixture
def s3_store(settings, s3_server):
    """The store as a deployment chooses it, by its environment."""
    _server, endpoint = s3_server
    chosen = project_settings.file_storage(
        {
            "ARLOESI_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": "eu-west-2",
            "AWS_S3_ADDRESSING_STYLE": "path",
        }
    )
    settings.STORAGES = {**settings.STORAGES, "default": chosen}
    return s3_server


def _objects(endpoint: str) -> list[str]:
    listed = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2").list_objects_v2(
        Bucket=BUCKET
    )
    return [item["Key"] for item in listed.get("Contents", [])]


@pytest.mark.django_db
def test_an_attachment_is_kept_in_the_bucket_and_downloaded_through_arloesi(client, s3_store):
    _server, endpoint = s3_store
    s = setting()
    proposal = draft(s)
    client.force_login(s.author)
    content = b"%PDF-1.7\n" + os.urandom(3 * 1024 * 1024)
    attachments = reverse("proposals:attachments", kwargs={"proposal_id": proposal.pk})

    from django.core.files.uploadedfile import SimpleUploadedFile

    sent = client.post(attachments, {"file": SimpleUploadedFile("Archwiliad llygaid.pdf", content)})
    assert sent.status_code == 302

    attachment = ProposalAttachment.objects.get()
    assert _objects(endpoint) == [attachment.file.name]
    download = client.get(
        reverse(
            "proposals:attachment_download",
            kwargs={"proposal_id": proposal.pk, "attachment_id": attachment.pk},
        )
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert all(endpoint not in value for value in download.headers.values())
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DOWNLOADED, object_id=str(attachment.pk), actor=s.author
    ).exists()


def test_a_stored_object_streams_back_and_a_missing_one_is_not_found(s3_store):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    content = os.urandom(200_000)
    name = default_storage.save("proposals/attachments/report.pdf", ContentFile(content))
    again = default_storage.save("proposals/attachments/report.pdf", ContentFile(b"other"))
    assert again != name  # never written over
    opened = stored_files.stream(name)
    assert opened.size == len(content) and b"".join(opened.chunks) == content
    with pytest.raises(FileNotFoundError):
        stored_files.stream("proposals/attachments/gone.pdf")


@pytest.mark.django_db
def test_healthz_sees_the_bucket_answer_and_then_not(client, s3_store):
    server, _endpoint = s3_store
    assert client.get("/healthz").status_code == 200
    server.stop()
    answer = client.get("/healthz")
    assert answer.status_code == 503
    assert answer.content == b"storage unavailable\n"
