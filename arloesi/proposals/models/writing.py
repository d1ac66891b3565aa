"""Writing a proposal: the proposal and what it is made of (priorities it serves, authors and
the co-authors they invite, sponsoring collaboratives, staff time, the evaluation plan,
attachments), and its status changes."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import StatusChange, VersionedModel
from arloesi.organisations.roles import Kind, Profession
from arloesi.proposals import scoring, workflow
from arloesi.proposals.files import MAX_ATTACHMENT_BYTES
from arloesi.proposals.models.intake import Intake, LocalPriority
from arloesi.proposals.workflow import (
    EvaluationApproach,
    FundingSource,
    InnovationType,
    Novelty,
    Status,
)


class Proposal(VersionedModel):
    """An improvement idea put forward by practitioners for their planning group to agree."""

    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=40, choices=Status, default=Status.DRAFT, editable=False
    )
    lead_collaborative = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("lead collaborative"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    planning_group = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("planning group"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intake = models.ForeignKey(
        Intake,
        verbose_name=_("intake"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now, editable=False)
    # First submission: from then on the planning group's chair can see the proposal.
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)

    problem = models.TextField(_("the problem"), blank=True)
    evidence = models.TextField(_("evidence for the problem"), blank=True)
    population = models.TextField(_("who it is for"), blank=True)
    affects_vulnerable_groups = models.BooleanField(_("reaches vulnerable groups"), default=False)
    vulnerable_groups_notes = models.TextField(_("vulnerable groups"), blank=True)
    innovation_type = models.CharField(
        _("kind of innovation"), max_length=20, choices=InnovationType, blank=True
    )
    novelty = models.CharField(_("new or improved"), max_length=10, choices=Novelty, blank=True)

    pitch_hook = models.TextField(_("elevator pitch: hook"), blank=True)
    pitch_problem = models.TextField(_("elevator pitch: problem"), blank=True)
    pitch_solution = models.TextField(_("elevator pitch: solution"), blank=True)
    pitch_ask = models.TextField(_("elevator pitch: ask"), blank=True)

    value_for_whom = models.TextField(_("value proposition: for whom"), blank=True)
    value_need = models.TextField(_("value proposition: the need"), blank=True)
    value_offer = models.TextField(_("value proposition: the offer"), blank=True)
    value_benefit = models.TextField(_("value proposition: the benefit"), blank=True)
    value_unlike = models.TextField(_("value proposition: unlike what exists today"), blank=True)

    funding_amount = models.DecimalField(
        _("funding needed (£)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_source = models.CharField(
        _("funding sought from"), max_length=20, choices=FundingSource, blank=True
    )
    funding_source_other = models.CharField(
        _("other source of funding"), max_length=200, blank=True
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposal")
        # Lists are newest first, a page at a time: read in index order, stop after a page.
        indexes = [models.Index(fields=["-created_at", "-id"], name="proposal_newest_first")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="proposal_status_known"
            ),
            models.CheckConstraint(
                condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                name="proposal_funding_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(duration_months__isnull=True) | Q(duration_months__gt=0),
                name="proposal_duration_positive",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[Status.DRAFT, Status.WITHDRAWN])
                | Q(submitted_at__isnull=False),
                name="proposal_leaves_draft_only_by_submission",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def scope_path(self) -> str:
        """The authoring side: the lead collaborative (sponsors are added in selectors)."""
        return self.lead_collaborative.path

    @property
    def planning_group_path(self) -> str:
        """The reviewing side: the planning group that considers the proposal."""
        return self.planning_group.path

    @property
    def is_cross_boundary(self) -> bool:
        """Sponsored by several collaboratives; prefetch ``sponsors`` when listing."""
        return workflow.is_cross_boundary(len(self.sponsors.all()))

    @property
    def pitch_words(self) -> int:
        return scoring.word_count(
            self.pitch_hook, self.pitch_problem, self.pitch_solution, self.pitch_ask
        )

    @property
    def pitch_seconds(self) -> int:
        return scoring.read_aloud_seconds(self.pitch_words)

    def clean(self):
        if self.lead_collaborative_id and self.lead_collaborative.kind != Kind.COLLABORATIVE:
            raise ValidationError({"lead_collaborative": _("Choose a professional collaborative.")})


class ProposalPriority(models.Model):
    """A local priority a proposal serves."""

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="priority_links",
    )
    priority = models.ForeignKey(
        LocalPriority, verbose_name=_("local priority"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "priority"], name="proposal_priority_once")
        ]

    def __str__(self):
        return f"{self.proposal} – {self.priority}"


class ProposalAuthor(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="authors"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_lead = models.BooleanField(_("lead author"), default=False)
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["-is_lead", "added_at", "id"]
        verbose_name = _("author")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "person"], name="proposal_author_once"),
            models.UniqueConstraint(
                fields=["proposal"], condition=Q(is_lead=True), name="proposal_one_lead_author"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.proposal}"


class CoAuthorInvitation(models.Model):
    """An author asks someone, by e-mail address, to write the proposal with them. Nobody is an
    author, nor named on the proposal, until they accept: authorship changes who may review and
    decide, so it is never given without consent. The address is kept whether or not anyone
    can sign in with it, so the authors learn nothing about who has an account."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="co_author_invitations",
    )
    email = models.EmailField(_("email address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, editable=False
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("invitation to co-author")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "email"],
                condition=Q(status="pending"),
                name="co_author_invitation_one_pending_per_address",
            )
        ]

    def __str__(self):
        return f"{self.email} – {self.proposal}"


class CoAuthorInvitationStatusChange(StatusChange):
    invitation = models.ForeignKey(
        CoAuthorInvitation,
        verbose_name=_("invitation to co-author"),
        on_delete=models.PROTECT,
        related_name="status_changes",
    )


class ProposalSponsor(models.Model):
    """A collaborative that sponsors a proposal; its lead confirms when several sponsor it."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="sponsors"
    )
    collaborative = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("sponsoring collaborative"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("sponsor")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "collaborative"], name="proposal_sponsor_once"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True, confirmed_at__isnull=True)
                | Q(confirmed_by__isnull=False, confirmed_at__isnull=False),
                name="sponsor_confirmed_by_someone_at_a_time",
            ),
        ]

    def __str__(self):
        return f"{self.collaborative} – {self.proposal}"

    @property
    def scope_path(self) -> str:
        return self.collaborative.path

    def clean(self):
        if self.collaborative_id and self.collaborative.kind != Kind.COLLABORATIVE:
            raise ValidationError({"collaborative": _("Choose a professional collaborative.")})


class ProposalNeed(models.Model):
    """Staff time a proposal needs from one profession or skill."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="needs"
    )
    profession = models.CharField(_("profession"), max_length=20, choices=Profession)
    skill = models.CharField(_("skill"), max_length=200, blank=True)
    hours = models.PositiveIntegerField(_("hours"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["id"]
        verbose_name = _("staff time needed")
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0), name="need_hours_positive")]

    def __str__(self):
        return f"{self.get_profession_display()} {self.hours}"


class EvaluationPlan(VersionedModel):
    proposal = models.OneToOneField(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="evaluation_plan",
    )
    objectives = models.TextField(_("objectives"), blank=True)
    baseline = models.TextField(_("baseline"), blank=True)
    success_measures = models.TextField(_("measures that will show success"), blank=True)
    approach = models.CharField(
        _("approach"), max_length=20, choices=EvaluationApproach, blank=True
    )
    timescale = models.CharField(_("timescale"), max_length=200, blank=True)
    evaluator = models.CharField(_("who will evaluate"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("evaluation plan")

    def __str__(self):
        return f"{self.proposal}"


class ProposalTransition(StatusChange):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="transitions"
    )


def attachment_path(instance, filename: str) -> str:
    """A random name with no extension: the stored file says nothing about its content, and a
    name a person chose can never reach the file system."""
    return f"proposals/attachments/{secrets.token_hex(16)}"


class ProposalAttachment(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("stored file"), upload_to=attachment_path, max_length=100)
    # The name the person uploaded it with: shown and used for downloads, never for storage.
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type of file"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

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
