"""The one way a download is recorded: who took which file, when, and from which object.

Every file that leaves the service goes through ``record``: stored files such as attachments
(``file_response``, read from the store as they are sent — ``core.stored_files``),
files made on the spot (``bytes_response``: drawings, exchange files), PDFs
(``core.pdf.pdf_response``) and exports (``core.exports.download``). The record is an
``AuditEvent`` with the action ``DOWNLOADED`` on the object the file came from (a proposal's
attachment, a planning group's queue), so it shows on that object's history page.
"""

from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from arloesi.core import audit, stored_files
from arloesi.core.models import AuditEvent


def record(*, actor, subject: models.Model, filename: str):
    """Record that ``actor`` downloaded ``filename``, taken from ``subject``."""
    return audit.record(
        actor=actor, obj=subject, action=AuditEvent.Action.DOWNLOADED, note=filename[:255]
    )


def attachment_headers(response, *, filename: str) -> None:
    """Headers every download carries: saved, never shown in the page's origin, never sniffed."""
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"


def file_response(
    stored: FieldFile, *, actor, subject: models.Model, filename: str, content_type: str
) -> StreamingHttpResponse:
    """A stored file (``attachment.file``) as a recorded download, streamed from its store.

    Raises FileNotFoundError, before anything is recorded, when the store does not have it."""
    opened = stored_files.stream(stored.name, storage=stored.storage)
    record(actor=actor, subject=subject, filename=filename)
    response = StreamingHttpResponse(opened.chunks, content_type=content_type)
    response["Content-Length"] = str(opened.size)
    attachment_headers(response, filename=filename)
    return response


def bytes_response(
    content: bytes, *, actor, subject: models.Model, filename: str, content_type: str
) -> HttpResponse:
    """A file made for this request (a drawing, an exchange file) as a recorded download."""
    record(actor=actor, subject=subject, filename=filename)
    response = HttpResponse(content, content_type=content_type)
    attachment_headers(response, filename=filename)
    return response
