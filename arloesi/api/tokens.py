"""Personal access tokens, pure: how one is made and how it is known again.

A token is ``arl_`` followed by 43 URL-safe characters of 256 random bits: the prefix lets a
secret scanner (or a person) recognise one pasted where it should not be. Only its SHA-256 is
stored; with 256 random bits a hash needs no salt or slow function, and the lookup is one indexed
equality.
"""

import hashlib
import re
import secrets

PREFIX = "arl_"
SHAPE = re.compile(r"^arl_[A-Za-z0-9_-]{43}$")
# How much of a token the pages show to tell tokens apart (the prefix and 4 characters).
SHOWN = len(PREFIX) + 4


def new_secret() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def well_formed(secret: str) -> bool:
    return bool(SHAPE.match(secret or ""))
