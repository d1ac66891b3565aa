"""Writes of the API app: a person's tokens (created, revoked, both audited) and each use of
one (logged, counted against the token's requests a minute).

Throttling is counted in the database (the use log of the last minute), so every app server
sees the same count. Two servers may each let one request through at the very edge of the
limit; the limit is a guard against runaway programs, not a quota.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.api import tokens
from arloesi.api.models import AccessToken, TokenUse
from arloesi.api.vocabulary import MAX_TOKEN_DAYS, Scope
from arloesi.core import audit

WINDOW = timedelta(minutes=1)
# The last-used time is written at most this often (one UPDATE a minute, not one a request).
LAST_USED_EVERY = timedelta(minutes=1)


class TokenRefusedError(Exception):
    """No such token, or it has expired or been revoked: the same answer for each."""


class ThrottledError(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"Too many requests; retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class NewToken:
    token: AccessToken
    # Shown once, on the page that answers the creation; never stored.
    secret: str


def _signed_in(person) -> bool:
    return getattr(person, "is_authenticated", False) and getattr(person, "is_active", False)


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max.replace(microsecond=0)))


@transaction.atomic
def token_create(*, actor, name: str, expires_on: date, scope: str) -> NewToken:
    """A token for ``actor`` that lasts to the end of ``expires_on`` (at most a year ahead)."""
    if not _signed_in(actor):
        raise PermissionDenied
    today = timezone.localdate()
    if expires_on <= today:
        raise ValidationError({"expires_on": _("The expiry date must be in the future")})
    if expires_on > today + timedelta(days=MAX_TOKEN_DAYS):
        raise ValidationError({"expires_on": _("The expiry date must be within a year of today")})
    if scope not in Scope.values:
        raise ValidationError({"scope": _("Select what the token may do")})
    secret = tokens.new_secret()
    token = audit.create(
        AccessToken,
        actor=actor,
        person=actor,
        name=name.strip(),
        scope=scope,
        shown=secret[: tokens.SHOWN],
        secret_hash=tokens.digest(secret),
        expires_at=_end_of(expires_on),
    )
    return NewToken(token=token, secret=secret)


@transaction.atomic
def token_revoke(*, actor, token: AccessToken) -> AccessToken:
    """The token stops working at once. Only its own person revokes it; revoking twice does
    nothing more."""
    if not _signed_in(actor) or token.person_id != actor.pk:
        raise PermissionDenied
    current = AccessToken.objects.select_for_update().get(pk=token.pk)
    if current.revoked_at is not None:
        return current
    return audit.update(current, actor=actor, revoked_at=timezone.now())


def token_use(*, secret: str, method: str, path: str, limit: int | None = None) -> AccessToken:
    """The active token ``secret`` is, with its person, its use logged; ``TokenRefusedError``
    when there is none, ``ThrottledError`` when it has made ``limit`` requests in the last
    minute (``API_REQUESTS_PER_MINUTE``)."""
    if not tokens.well_formed(secret):
        raise TokenRefusedError
    now = timezone.now()
    token = (
        AccessToken.objects.select_related("person")
        .filter(secret_hash=tokens.digest(secret), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if token is None or not token.person.is_active:
        raise TokenRefusedError
    limit = limit if limit is not None else settings.API_REQUESTS_PER_MINUTE
    counted = TokenUse.objects.filter(token=token, at__gt=now - WINDOW, throttled=False)
    throttled = counted.count() >= limit
    TokenUse.objects.create(
        token=token, at=now, method=method[:10], path=path[:255], throttled=throttled
    )
    if throttled:
        # Free again when the oldest of the last ``limit`` requests leaves the window.
        oldest = counted.order_by("-at").values_list("at", flat=True)[limit - 1]
        raise ThrottledError(max(1, int((oldest + WINDOW - now).total_seconds()) + 1))
    if token.last_used_at is None or token.last_used_at < now - LAST_USED_EVERY:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
