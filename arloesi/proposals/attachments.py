"""Attachments to a proposal: which files are accepted, and their writes and reads.

Kept out of ``services.py``/``selectors.py`` only because files bring their own concerns (type
checks, storage). The same rules apply: writes are audited and only authors of an editable
proposal make them; reads go through ``selectors.proposal_get_for_user``, so a file can be
downloaded only by someone who may see its proposal.

A file is accepted when its extension is one of ``ALLOWED`` *and* its first bytes are what that
type starts with (``check_file``); a renamed executable or HTML page is refused. Office files are
ZIP archives, so the archive must also hold that format's main folder.
"""

import io
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.organisations.models import Person
from arloesi.proposals import selectors
from arloesi.proposals.models import Proposal, ProposalAttachment
from arloesi.proposals.models.writing import MAX_ATTACHMENT_BYTES
from arloesi.proposals.services import _locked, _require_author, _require_editable

_ZIP = b"PK\x03\x04"
OFFICE_FOLDER = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ALLOWED = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "csv": "text/csv",
    "txt": "text/plain",
}
WRONG_TYPE = _("The selected file must be a PDF, DOCX, XLSX, PPTX, PNG, JPG, CSV or TXT file")
TOO_BIG = _("The selected file must be smaller than 5 MB")
EMPTY = _("The selected file is empty")


def _extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def _looks_like(extension: str, content: bytes) -> bool:
    if extension == "pdf":
        return content.startswith(b"%PDF-")
    if extension == "png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return content.startswith(b"\xff\xd8\xff")
    if extension in OFFICE_FOLDER:
        if not content.startswith(_ZIP):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, ValueError):
            return False
        return "[Content_Types].xml" in names and any(
            name.startswith(OFFICE_FOLDER[extension]) for name in names
        )
    if extension in ("csv", "txt"):
        # Plain text: UTF-8 without NUL bytes (which no text file has and binary files do).
        if b"\x00" in content:
            return False
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    return False


def check_file(name: str, content: bytes) -> str:
    """The content type to store for an acceptable file; ValidationError says why it is not."""
    if not content:
        raise ValidationError(EMPTY, code="empty")
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    extension = _extension(name)
    if extension not in ALLOWED or not _looks_like(extension, content):
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    return ALLOWED[extension]


def _safe_name(name: str) -> str:
    """The last part of the name the browser sent, without control characters or quotes."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(c for c in base if c.isprintable() and c not in '"\\/')
    return cleaned[-200:] or "attachment"


@transaction.atomic
def attachment_add(*, actor: Person, proposal: Proposal, upload) -> ProposalAttachment:
    """Attach an uploaded file (a Django ``UploadedFile``) after checking its type and size."""
    current = _locked(proposal)
    _require_author(actor, current)
    _require_editable(current)
    upload.seek(0)
    content = upload.read(MAX_ATTACHMENT_BYTES + 1)
    content_type = check_file(upload.name, content)
    upload.seek(0)
    return audit.create(
        ProposalAttachment,
        actor=actor,
        proposal=current,
        file=upload,
        original_name=_safe_name(upload.name),
        content_type=content_type,
        size=len(content),
        uploaded_by=actor,
    )


@transaction.atomic
def attachment_remove(*, actor: Person, attachment: ProposalAttachment) -> None:
    current = _locked(attachment.proposal)
    _require_author(actor, current)
    _require_editable(current)
    storage, name = attachment.file.storage, attachment.file.name
    audit.delete(attachment, actor=actor)
    transaction.on_commit(lambda: storage.delete(name))


def attachments_for(*, proposal: Proposal):
    """The proposal's attachments; the caller has already checked the reader may see it."""
    return proposal.attachments.select_related("uploaded_by")


def attachment_get_for_user(*, user, proposal_id: int, attachment_id: int) -> ProposalAttachment:
    """The attachment if ``user`` may see its proposal, else 404."""
    proposal = selectors.proposal_get_for_user(user=user, proposal_id=proposal_id)
    try:
        attachment = proposal.attachments.get(pk=attachment_id)
    except ProposalAttachment.DoesNotExist:
        raise Http404 from None
    attachment.proposal = proposal
    return attachment
