"""Records every change to domain data. Rows here are written once and never edited or deleted."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImmutableRecordError(Exception):
    """A record of what happened was about to be edited or deleted."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRecordError("Audit and status records cannot be edited.")

    def delete(self):
        raise ImmutableRecordError("Audit and status records cannot be deleted.")


class AuditEventQuerySet(ImmutableQuerySet):
    def erase_values(self, pk: int, *, changes: dict, object_repr: str) -> None:
        """The one edit an audit row allows: patient or personal data taken out of it, so that
        it is gone from the database (``core.audit.redact``, which records the removal itself)."""
        models.QuerySet.update(self.filter(pk=pk), changes=changes, object_repr=object_repr)


class ImmutableModel(models.Model):
    """A row that records a fact: inserted once, never updated, never deleted."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(f"{type(self).__name__} rows cannot be edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(f"{type(self).__name__} rows cannot be deleted.")


class AuditEvent(ImmutableModel):
    """Who changed which object, when, and which fields from what to what."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Changed")
        DELETED = "deleted", _("Deleted")
        STATUS = "status", _("Status changed")
        REDACTED = "redacted", _("Value removed")
        # A file taken away: an attachment, a PDF, an export (core.downloads).
        DOWNLOADED = "downloaded", _("Downloaded")
        # At the door (organisations: sign-in activity).
        SIGNED_IN = "signed_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
        SIGN_IN_REFUSED = "sign_in_refused", _("Sign-in refused after too many attempts")
        PASSWORD_RESET_REQUESTED = "reset_requested", _("Password reset requested")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        SIGNED_OUT = "signed_out", _("Signed out")
        TIMED_OUT = "timed_out", _("Signed out after a time without activity")
        # Through the organisation's own sign-in service (OpenID Connect).
        ORGANISATION_ACCOUNT_LINKED = "org_linked", _("Organisation's account linked")
        SIGNED_IN_WITH_ORGANISATION = (
            "org_signed_in",
            _("Signed in with the organisation's account"),
        )
        ORGANISATION_SIGN_IN_FAILED = (
            "org_failed",
            _("Sign-in with the organisation's account failed"),
        )
        ORGANISATION_SIGN_IN_REFUSED = (
            "org_refused",
            _("Sign-in with the organisation's account refused"),
        )

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255)
    # {field name: [old value, new value]} as displayable text.
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class StatusChange(ImmutableModel):
    """Base for one step of a workflow: each workflow object has a concrete subclass with its FK."""

    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_status = models.CharField(_("from status"), max_length=40, blank=True)
    to_status = models.CharField(_("to status"), max_length=40)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]


class VersionedModel(models.Model):
    """Optimistic concurrency: an edit names the version it started from (see audit.update)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class SearchDocument(models.Model):
    """One thing finding learning can find (a learning record, a project, a proposal), as the
    search index keeps it: its titles and summary in both languages for the results, its place in
    Wales for scoping and filters, its facets, and its analysed ``terms`` (core.search.analysis),
    which SQLite indexes in an FTS5 table and PostgreSQL in a tsvector column (core.search).
    Written only by core.search from the owning app's registered source."""

    kind = models.CharField(_("kind"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("object"))
    # On the all-Wales search (published records, projects, decided proposals); a proposal still
    # being written is kept for "similar work" only.
    listed = models.BooleanField(_("listed"), default=True)
    is_public = models.BooleanField(_("readable without signing in"), default=False)
    # The place of the lead collaborative (or cluster) it belongs to.
    unit_path = models.CharField(_("place in Wales"), max_length=255, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), blank=True)
    status = models.CharField(_("status"), max_length=40, blank=True)
    outcome = models.CharField(_("outcome"), max_length=40, blank=True)
    # Space-separated "facet:value" words, with a space at each end: " priority:access ".
    tags = models.CharField(_("tags"), max_length=2000, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    terms = models.TextField(_("terms"), blank=True)

    class Meta:
        verbose_name = _("search document")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once")
        ]
        indexes = [models.Index(fields=["listed", "date"], name="search_listed_date")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class Snapshot(ImmutableModel):
    """A part of a published document as it was drawn on the day it was published, in one
    language (``core.snapshots``): an issued evaluation report's charts, say, which are never
    drawn again from data that may since have changed."""

    # The document's model, "app_label.model", and its id.
    kind = models.CharField(_("kind of document"), max_length=60)
    object_id = models.BigIntegerField(_("document"))
    part = models.CharField(_("part"), max_length=40)
    language = models.CharField(_("language"), max_length=8)
    html = models.TextField(_("as drawn"))
    made_at = models.DateTimeField(_("drawn"), default=timezone.now)

    class Meta:
        verbose_name = _("kept part of a document")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "part", "language"], name="snapshot_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.part} ({self.language})"


class SearchTerm(models.Model):
    """How many of the index's documents use a term (core.search.index keeps it with the
    documents): "similar to this one" asks for a document's telling terms — used often in it,
    and in few others — not its commonest ("practice", "patients"), which match half of Wales."""

    term = models.CharField(_("term"), max_length=100, primary_key=True)
    documents = models.PositiveIntegerField(_("documents"), default=0)

    class Meta:
        verbose_name = _("search term")

    def __str__(self):
        return f"{self.term}: {self.documents}"
