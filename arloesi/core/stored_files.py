"""Files Arloesi keeps: read as a stream for a download, and whether their store answers.

The only files kept are the ones people upload (a proposal's attachments); PDFs, exports and
drawings are made for each download. They live in Django's default storage, which settings
choose from ``ARLOESI_STORAGE``: the local folder ``MEDIA_ROOT``, a container in Azure Blob
Storage or a bucket in an S3-compatible store (django-storages). Every app server of a service
uses the same store, so a file uploaded through one is downloaded through any other.

The store is never public and its addresses are never shown: a download is a page of Arloesi,
scoped and recorded (``core.downloads.file_response``), which reads the file from the store in
chunks and passes them on as they come (``stream``), so nothing is written to the app server's
disk on the way (ADR 0012).
"""

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from django.core.files.storage import Storage, default_storage, storages

# Bytes handed on at a time (a local file), and the most a cloud store's chunk holds.
CHUNK_BYTES = 64 * 1024
# The name the health check looks for: it need not exist; asking is what shows the store answers.
PROBE_NAME = "arloesi-health-probe"

AZURE = "storages.backends.azure_storage.AzureStorage"
S3 = "storages.backends.s3.S3Storage"


@dataclass(frozen=True, slots=True)
class Stream:
    """A stored file being read: its size in bytes, and its content in chunks."""

    size: int
    chunks: Iterable[bytes]


def resolved(storage: Storage | None) -> Storage:
    """The storage itself: ``default_storage`` (what a ``FileField`` holds) stands in for it."""
    return storages["default"] if storage is None or storage is default_storage else storage


def backend_of(storage: Storage) -> str:
    return f"{type(storage).__module__}.{type(storage).__qualname__}"


def stream(name: str, *, storage: Storage | None = None) -> Stream:
    """The stored file ``name``, opened for reading; FileNotFoundError if the store has none."""
    storage = resolved(storage)
    readers: dict[str, Callable[[Storage, str], Stream]] = {AZURE: _azure, S3: _s3}
    return readers.get(backend_of(storage), _local)(storage, name)


def _local(storage: Storage, name: str) -> Stream:
    handle = storage.open(name, "rb")
    return Stream(
        size=handle.size,
        chunks=_Closing(iter(lambda: handle.read(CHUNK_BYTES), b""), handle),
    )


class _Closing:
    """Chunks that close what they are read from when the response is closed, whether or not
    they were read to the end."""

    def __init__(self, chunks: Iterator[bytes], resource) -> None:
        self._chunks, self._resource = chunks, resource

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks

    def close(self) -> None:
        self._resource.close()


def _azure(storage, name: str) -> Stream:
    from azure.core.exceptions import ResourceNotFoundError

    # The blob's name as the storage itself writes it (its location prefix, cleaned).
    blob = storage.client.get_blob_client(storage._get_valid_path(name))
    try:
        downloader = blob.download_blob(max_concurrency=1, timeout=storage.timeout)
    except ResourceNotFoundError:
        raise FileNotFoundError(name) from None
    return Stream(size=downloader.size, chunks=downloader.chunks())


def _s3(storage, name: str) -> Stream:
    # Through the bucket's client, which every thread shares (boto3 clients are thread-safe).
    from botocore.exceptions import ClientError
    from storages.utils import clean_name

    key = storage._normalize_name(clean_name(name))
    try:
        response = storage.bucket.meta.client.get_object(Bucket=storage.bucket_name, Key=key)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
            raise FileNotFoundError(name) from None
        raise
    body = response["Body"]
    return Stream(
        size=response["ContentLength"], chunks=_Closing(body.iter_chunks(CHUNK_BYTES), body)
    )


# --- Does the store answer? -------------------------------------------------------------------


def answers(*, timeout: float, storage: Storage | None = None) -> bool:
    """True when the store answers within ``timeout`` seconds (``/healthz``).

    A cheap question — is the container or bucket there, or a name in the local folder — asked
    with no retries. It runs beside the request, so a store that does not answer at all still
    gets an answer here in time; while one question is still waiting, the next check waits on
    the same one rather than adding another.
    """
    storage = resolved(storage)
    try:
        return _probes.ask(storage, timeout).result(timeout=timeout)
    except Exception:  # noqa: BLE001 - a store that fails in any way is not answering
        return False


def _probe(storage: Storage, timeout: float) -> bool:
    backend = backend_of(storage)
    if backend == AZURE:
        return storage.client.exists(
            retry_total=0, connection_timeout=timeout, read_timeout=timeout
        )
    if backend == S3:
        storage.bucket.meta.client.head_bucket(Bucket=storage.bucket_name)
        return True
    storage.exists(PROBE_NAME)
    return True


class _Probes:
    """One question to the store at a time, each in a thread of its own that never holds up
    the process's exit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: tuple[Storage, Future] | None = None

    def ask(self, storage: Storage, timeout: float) -> Future:
        with self._lock:
            if self._waiting and self._waiting[0] is storage and not self._waiting[1].done():
                return self._waiting[1]
            future: Future = Future()
            self._waiting = (storage, future)

        def run() -> None:
            try:
                future.set_result(_probe(storage, timeout))
            except Exception as error:  # noqa: BLE001 - handed to the one who asked
                future.set_exception(error)

        threading.Thread(target=run, name="storage-probe", daemon=True).start()
        return future


_probes = _Probes()
