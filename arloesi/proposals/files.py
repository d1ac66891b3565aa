"""Which files may be attached to a proposal. Pure: no database.

A file is accepted when its extension is one of ``ALLOWED`` *and* its first bytes are what that
type starts with (``check_file``); a renamed executable or HTML page is refused. Office files are
ZIP archives, so the archive must also hold that format's main folder.
"""

import io
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

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
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED)
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


def safe_name(name: str) -> str:
    """The last part of the name the browser sent, without control characters or quotes."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(c for c in base if c.isprintable() and c not in '"\\/')
    return cleaned[-200:] or "attachment"
