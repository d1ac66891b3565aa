"""Files the authors attach to a proposal: kept under MEDIA_ROOT with random names, served only
through a view that checks the reader may see the proposal."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.proposals.models.proposal import Proposal

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024


def attachment_path(instance, filename: str) -> str:
    """A random name with no extension: the stored file says nothing about its content, and a
    name a person chose can never reach the file system."""
    return f"proposals/attachments/{secrets.token_hex(16)}"


class ProposalAttachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=100)
    # The name the person uploaded it with: shown and used for downloads, never for storage.
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        constraints = [
            models.CheckConstraint(
                condition=Q(size__gt=0, size__lte=MAX_ATTACHMENT_BYTES),
                name="attachment_size_within_limit",
            )
        ]

    def __str__(self):
        return self.original_name
