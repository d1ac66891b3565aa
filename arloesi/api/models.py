"""Personal access tokens and the log of their use."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.api.vocabulary import Scope
from arloesi.core.models import ImmutableModel, ImmutableQuerySet


class AccessToken(models.Model):
    """A person's token for the API: it acts as them, within its scope, until it expires or
    they revoke it. Only the SHA-256 of the secret is kept (``api.tokens``)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope)
    # The first characters of the secret, to tell tokens apart on the page.
    shown = models.CharField(_("starts with"), max_length=16, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    # Never in the audit trail: it would let anyone reading the trail try hashes against it.
    audit_exclude = ("secret_hash", "last_used_at")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API access token")

    def __str__(self):
        return self.name

    @property
    def may_write(self) -> bool:
        return self.scope == Scope.WRITE

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class TokenUseQuerySet(ImmutableQuerySet):
    def past_keeping(self, before) -> int:
        """The one removal the use log allows: requests made before ``before``, past the time
        they are kept (``tasks.token_uses_prune``); how many."""
        deleted, _ = models.QuerySet.delete(self.filter(at__lt=before))
        return deleted


class TokenUse(ImmutableModel):
    """One request made with a token: the use log, and what throttling counts. Never changed;
    removed only once past its keeping (``API_TOKEN_USES_KEEP_DAYS``)."""

    objects = TokenUseQuerySet.as_manager()

    token = models.ForeignKey(
        AccessToken, verbose_name=_("token"), on_delete=models.CASCADE, related_name="uses"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("address"), max_length=255)
    # Refused for too many requests: logged, not counted against the next minute.
    throttled = models.BooleanField(_("refused: too many requests"), default=False)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["token", "at"], name="api_token_use_recent")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.method} {self.path}"
