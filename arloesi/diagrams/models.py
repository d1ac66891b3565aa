"""Driver diagrams: an aim, the primary and secondary drivers that would achieve it, and the
change ideas that act on them, joined by links that are strong or weak.

A diagram belongs to a proposal or a project (``owner_kind`` and ``owner_id``; who may see and
change it is the owner's app's answer, through ``diagrams.owners``), or stands alone: a person's
own diagram, which they may share with everyone as a template. The aim is a node like the
others (links start from it) whose text is edited with the aim's SMART parts on the diagram.

Every change moves ``revision`` on and stores the drawing's geometry for that revision
(``drawing``), so a page shows the diagram without laying it out again. A box that is deleted
keeps its row (``deleted_at``) so that it can be brought back, with its links, by undo.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel
from arloesi.diagrams.document import MAX_ID, MAX_TEXT
from arloesi.diagrams.vocabulary import COLUMN_OF, Kind, OwnerKind, Strength


class Diagram(VersionedModel):
    owner_kind = models.CharField(_("belongs to"), max_length=20, choices=OwnerKind)
    owner_id = models.PositiveBigIntegerField(_("owner"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    # The aim's SMART parts; the aim's statement is the text of its node.
    aim_what = models.CharField(_("what will improve"), max_length=300, blank=True)
    aim_how_much = models.CharField(_("by how much"), max_length=200, blank=True)
    aim_for_whom = models.CharField(_("for whom"), max_length=300, blank=True)
    aim_by_when = models.DateField(_("by when"), null=True, blank=True)
    aim_baseline = models.CharField(_("baseline"), max_length=300, blank=True)
    aim_target = models.CharField(_("target"), max_length=300, blank=True)
    keep_order = models.BooleanField(_("keep the order of the lists in the drawing"), default=False)
    shared = models.BooleanField(_("shared as a template"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Fields of an imported file that this version of the format does not know, written back
    # on export.
    extra = models.JSONField(_("other fields from the imported file"), default=dict, blank=True)
    # Derived, not recorded: moved on by every change, and the geometry drawn for it.
    revision = models.PositiveIntegerField(default=1, editable=False)
    changed_at = models.DateTimeField(default=timezone.now, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    drawing = models.JSONField(null=True, editable=False)
    drawing_revision = models.PositiveIntegerField(default=0, editable=False)

    audit_exclude = ("revision", "changed_at", "changed_by", "drawing", "drawing_revision")

    class Meta:
        verbose_name = _("driver diagram")
        constraints = [
            models.UniqueConstraint(
                fields=["owner_kind", "owner_id"],
                condition=Q(owner_id__isnull=False),
                name="one_diagram_per_owner",
            ),
            models.CheckConstraint(
                condition=Q(owner_kind="standalone", owner_id__isnull=True)
                | (~Q(owner_kind="standalone") & Q(owner_id__isnull=False)),
                name="diagram_owner_given",
            ),
        ]
        indexes = [
            models.Index(fields=["created_by", "owner_kind"]),
            # The list reads newest change first and stops after a page (bench/README.md).
            models.Index(fields=["-changed_at", "-id"], name="diagram_newest_first"),
        ]

    def __str__(self):
        return self.title


class DiagramNode(VersionedModel):
    diagram = models.ForeignKey(
        Diagram, verbose_name=_("driver diagram"), on_delete=models.CASCADE, related_name="nodes"
    )
    kind = models.CharField(_("column"), max_length=20, choices=Kind)
    text = models.CharField(_("text"), max_length=MAX_TEXT)
    # The person's order within the column (the outline's order).
    position = models.PositiveIntegerField(_("position"), default=0)
    # The id the node had in an imported file, kept for the next export.
    key = models.CharField(_("id in the file"), max_length=MAX_ID, blank=True)
    extra = models.JSONField(_("other fields from the imported file"), default=dict, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("box")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["diagram", "deleted_at"])]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @property
    def column(self) -> int:
        return COLUMN_OF[self.kind]


class DiagramLink(models.Model):
    diagram = models.ForeignKey(
        Diagram, verbose_name=_("driver diagram"), on_delete=models.CASCADE, related_name="links"
    )
    source = models.ForeignKey(
        DiagramNode, verbose_name=_("from"), on_delete=models.CASCADE, related_name="+"
    )
    target = models.ForeignKey(
        DiagramNode, verbose_name=_("to"), on_delete=models.CASCADE, related_name="+"
    )
    strength = models.CharField(
        _("strength"), max_length=10, choices=Strength, default=Strength.STRONG
    )
    # The order of the links in an imported file, kept for the next export.
    position = models.PositiveIntegerField(_("position"), default=0)
    extra = models.JSONField(_("other fields from the imported file"), default=dict, blank=True)
    # False when the file left the strength out (it is then strong): exported the same way.
    strength_given = models.BooleanField(default=True, editable=False)
    # An unlinked pair keeps its row (so its history stays readable); linking them again brings
    # it back.
    deleted_at = models.DateTimeField(_("removed"), null=True, blank=True)

    audit_exclude = ("strength_given",)

    class Meta:
        verbose_name = _("link")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="one_link_per_pair"),
        ]

    def __str__(self):
        return f"{self.source} → {self.target}"
