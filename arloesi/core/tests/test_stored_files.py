"""Where uploaded files are kept, how a download reads them, and whether /healthz sees the store.

The Azure backend is also run for real, against the Azurite emulator and two app servers, in
tests/machines/; the S3 backend against an S3-compatible server, in test_s3_store.py."""

import io
import re
import socket
import threading
import time
from pathlib import Path

import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage

from arloesi import settings as project_settings
from arloesi.core import stored_files

ARLOESI = Path(__file__).resolve().parents[2]


# --- Chosen by the environment ------------------------------------------------------------------


def test_the_local_folder_is_the_default():
    assert project_settings.file_storage({}) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_azure_with_a_connection_string_or_an_account_key():
    by_string = project_settings.file_storage(
        {
            "ARLOESI_STORAGE": "azure",
            "AZURE_CONNECTION_STRING": "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k",
            "AZURE_CONTAINER": "arloesi",
        }
    )
    assert by_string["BACKEND"] == stored_files.AZURE
    assert by_string["OPTIONS"]["azure_container"] == "arloesi"
    assert by_string["OPTIONS"]["overwrite_files"] is False
    by_key = project_settings.file_storage(
        {
            "ARLOESI_STORAGE": "Azure",
            "AZURE_ACCOUNT_NAME": "arloesi",
            "AZURE_ACCOUNT_KEY": "a2V5",
            "AZURE_CONTAINER": "files",
            "AZURE_LOCATION": "cwm-taf",
        }
    )
    assert by_key["OPTIONS"]["account_name"] == "arloesi"
    assert by_key["OPTIONS"]["location"] == "cwm-taf"


def test_s3_keeps_its_objects_private():
    chosen = project_settings.file_storage(
        {
            "ARLOESI_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "arloesi",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.wales",
            "AWS_S3_ADDRESSING_STYLE": "path",
        }
    )
    assert chosen["BACKEND"] == stored_files.S3
    assert chosen["OPTIONS"]["default_acl"] is None
    assert chosen["OPTIONS"]["endpoint_url"] == "https://s3.example.wales"
    assert chosen["OPTIONS"]["addressing_style"] == "path"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"ARLOESI_STORAGE": "azure", "AZURE_CONNECTION_STRING": "x"}, "AZURE_CONTAINER"),
        ({"ARLOESI_STORAGE": "azure", "AZURE_CONTAINER": "c"}, "AZURE_ACCOUNT_NAME"),
        ({"ARLOESI_STORAGE": "s3"}, "AWS_STORAGE_BUCKET_NAME"),
        ({"ARLOESI_STORAGE": "nfs"}, "not one of local, azure, s3"),
    ],
)
def test_a_store_half_configured_stops_the_start_and_says_what_is_missing(environ, message):
    with pytest.raises(RuntimeError, match=message):
        project_settings.file_storage(environ)


# --- Nothing a request leaves for the next is kept in one process ---------------------------------


def test_sessions_messages_and_caches_work_whichever_server_answers(settings):
    assert settings.SESSION_ENGINE in {
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.signed_cookies",
    }
    assert settings.MESSAGE_STORAGE in {
        "django.contrib.messages.storage.fallback.FallbackStorage",
        "django.contrib.messages.storage.cookie.CookieStorage",
    }
    for cache in settings.CACHES.values():
        assert cache["BACKEND"] == "django.core.cache.backends.dummy.DummyCache"


def test_no_code_relies_on_a_cache_that_one_process_keeps():
    """Throttles, counters and anything a later request must see are kept in the database:
    with no cache configured, one used here would silently forget."""
    uses = re.compile(r"django\.core\.cache|cache_page|caches\[")
    offenders = [
        str(path.relative_to(ARLOESI))
        for path in ARLOESI.glob("arloesi/**/*.py")
        if "tests" not in path.parts and uses.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# --- Read as a stream -----------------------------------------------------------------------------


def test_a_local_file_is_read_in_chunks(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    content = bytes(range(256)) * 1000
    name = storage.save("proposals/attachments/a1", io.BytesIO(content))
    opened = stored_files.stream(name, storage=storage)
    chunks = list(opened.chunks)
    assert opened.size == len(content)
    assert len(chunks) == 4 and b"".join(chunks) == content


def test_a_local_file_that_has_gone_is_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        stored_files.stream("proposals/attachments/gone", storage=FileSystemStorage(tmp_path))


@pytest.fixture
def s3():
    """An S3 bucket whose answers are given here (botocore's Stubber: nothing leaves)."""
    storage = S3Storage(
        bucket_name="arloesi", region_name="eu-west-2", access_key="id", secret_key="secret"
    )
    with Stubber(storage.bucket.meta.client) as stubber:
        yield storage, stubber
        stubber.assert_no_pending_responses()


def test_an_s3_object_is_read_from_its_body_as_it_comes(s3):
    storage, stubber = s3
    content = b"%PDF-1.4\n" * 20_000
    stubber.add_response(
        "get_object",
        {"Body": StreamingBody(io.BytesIO(content), len(content)), "ContentLength": len(content)},
        {"Bucket": "arloesi", "Key": "proposals/attachments/a1"},
    )
    opened = stored_files.stream("proposals/attachments/a1", storage=storage)
    chunks = list(opened.chunks)
    assert opened.size == len(content) and b"".join(chunks) == content
    assert len(chunks) == 3


def test_an_s3_object_that_has_gone_is_not_found(s3):
    storage, stubber = s3
    stubber.add_client_error("get_object", service_error_code="NoSuchKey", http_status_code=404)
    with pytest.raises(FileNotFoundError):
        stored_files.stream("proposals/attachments/gone", storage=storage)


def test_an_s3_bucket_answers_when_it_can_be_reached(s3):
    storage, stubber = s3
    stubber.add_response("head_bucket", {}, {"Bucket": "arloesi"})
    stubber.add_client_error("head_bucket", service_error_code="403", http_status_code=403)
    assert stored_files.answers(timeout=2, storage=storage) is True
    assert stored_files.answers(timeout=2, storage=storage) is False


# --- /healthz -------------------------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_store_cannot_be_reached(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": stored_files.AZURE,
            "OPTIONS": {
                "azure_container": "arloesi",
                "connection_string": (
                    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
                    f"BlobEndpoint=http://127.0.0.1:{closed_port()}/devstoreaccount1;"
                ),
            },
        },
    }
    started = time.monotonic()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"storage unavailable\n"
    assert time.monotonic() - started < 2


class StuckStorage(FileSystemStorage):
    """A store that takes its time answering (a network mount that has gone away)."""

    released = threading.Event()

    def exists(self, name):
        self.released.wait(timeout=10)
        return False


@pytest.mark.django_db
def test_healthz_answers_503_in_time_when_the_store_does_not_answer(client, settings):
    settings.STORAGE_HEALTH_TIMEOUT_SECONDS = 0.2
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.StuckStorage"},
    }
    try:
        started = time.monotonic()
        assert client.get("/healthz").status_code == 503
        # A second check waits on the question still out, rather than asking again.
        assert client.get("/healthz").status_code == 503
        assert time.monotonic() - started < 1.5
    finally:
        StuckStorage.released.set()


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_local_folder_answers(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/healthz").content == b"ok\n"
