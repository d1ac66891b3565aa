"""Files the authors attach to a proposal. Which files are accepted is ``proposals.files``
(pure); here they are stored and removed, audited, by the authors of an editable proposal."""

from django.db import transaction

from arloesi.core import audit
from arloesi.proposals.files import MAX_ATTACHMENT_BYTES, check_file, safe_name
from arloesi.proposals.models import ProposalAttachment
from arloesi.proposals.services.rules import locked_for_authors


@transaction.atomic
def attachment_add(*, actor, proposal, upload) -> ProposalAttachment:
    """Attach an uploaded file (a Django ``UploadedFile``) after checking its type and size."""
    current = locked_for_authors(actor, proposal)
    upload.seek(0)
    content = upload.read(MAX_ATTACHMENT_BYTES + 1)
    content_type = check_file(upload.name, content)
    upload.seek(0)
    return audit.create(
        ProposalAttachment,
        actor=actor,
        proposal=current,
        file=upload,
        original_name=safe_name(upload.name),
        content_type=content_type,
        size=len(content),
        uploaded_by=actor,
    )


@transaction.atomic
def attachment_remove(*, actor, attachment: ProposalAttachment) -> None:
    locked_for_authors(actor, attachment.proposal)
    storage, name = attachment.file.storage, attachment.file.name
    audit.delete(attachment, actor=actor)
    transaction.on_commit(lambda: storage.delete(name))
