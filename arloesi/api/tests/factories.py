"""Tokens for tests, made the way a person makes them (``services.token_create``)."""

from datetime import timedelta

from django.utils import timezone

from arloesi.api import services
from arloesi.api.vocabulary import Scope


def token_for(person, *, scope: str = Scope.WRITE, name: str = "Practice system", days=30) -> str:
    """The secret of a new token of ``person``."""
    return services.token_create(
        actor=person,
        name=name,
        expires_on=timezone.localdate() + timedelta(days=days),
        scope=scope,
    ).secret


def bearer(secret: str) -> dict[str, str]:
    """The test client's keyword arguments that send ``secret`` as the request's token."""
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
