"""Reads of a person's own tokens: the page that lists them, and one of them to revoke."""

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from arloesi.api.models import AccessToken


@dataclass(frozen=True)
class TokenRow:
    token: AccessToken
    active: bool
    expired: bool


def tokens_of(*, user) -> list[TokenRow]:
    """Every token the person has made, newest first, each saying whether it still works (one
    query)."""
    now = timezone.now()
    return [
        TokenRow(
            token=token,
            active=token.is_active(now),
            expired=token.revoked_at is None and token.expires_at <= now,
        )
        for token in AccessToken.objects.filter(person=user).defer("secret_hash")
    ]


def token_get_for_user(*, user, token_id: int) -> AccessToken:
    """One of the person's own tokens; anyone else's is a 404."""
    token = AccessToken.objects.filter(person=user, pk=token_id).defer("secret_hash").first()
    if token is None:
        raise Http404
    return token
