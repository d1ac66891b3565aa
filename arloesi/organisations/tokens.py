"""The secrets in links: what an invitation link's token is, and how a token is looked up.

An invitation's token is derived from its random salt with the server's secret key, so the
database alone (or a task's stored arguments) opens nothing, and the e-mail task makes the same
token each time it runs: a task run twice sends the same, working link twice. Only the token's
sha256 is stored, for the look-up.
"""

import hashlib
import secrets

from django.utils.crypto import salted_hmac

INVITATION_KEY_SALT = "arloesi.organisations.invitation"


def new_salt() -> str:
    return secrets.token_hex(32)


def invitation_token(salt: str) -> str:
    return salted_hmac(INVITATION_KEY_SALT, salt, algorithm="sha256").hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
