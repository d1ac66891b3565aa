"""The organisation's sign-in service (OpenID Connect), through Authlib's client (ADR 0010).

Authlib does the protocol: discovery, the authorization code flow with ``state``, ``nonce`` and
PKCE (S256), the token request, and the ID token's signature against the service's published
keys (fetched again when a token names a key it has not seen). This module asks of the token
what Arloesi needs on top — the issuer, the audience, the tenant, an e-mail address the service
vouches for — and turns every way it can go wrong into one of a few reasons that the pages
explain (``SignInProblem.reason``). Nothing here reads or writes the database: what a verified
identity leads to is ``services.person_sign_in_with_organisation_account``.
"""

import logging
from dataclasses import dataclass
from functools import lru_cache

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client import MismatchingStateError, OAuthError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from joserfc.errors import JoseError

log = logging.getLogger(__name__)

# A service that does not answer in this time is taken to be down.
TIMEOUT_SECONDS = 10
# Where to go after signing in, and the page's language, while the person is at the service.
SIGN_IN_UNDER_WAY = "arloesi_organisation_sign_in"
# The ID token of this session's sign-in: the hint that ends the service's session on sign-out.
ID_TOKEN = "arloesi_organisation_id_token"
# Where the service sends the browser after signing out: the sign-in page, in the language the
# browser last used (Django adds the prefix).
SIGNED_OUT_PATH = "/sign-in/"


class SignInProblem(Exception):
    """Why the service gave no identity. ``reason`` is one of:

    - ``unavailable``: the service did not answer, or its discovery document was not usable;
    - ``expired``: the answer belongs to no sign-in started in this browser (no ``state``, an
      unknown one, or one already used);
    - ``cancelled``: the service sent back an error instead of a code (the person stopped, or
      the service would not let them in);
    - ``token``: the code could not be exchanged, or the ID token failed a check (signature,
      issuer, audience, expiry, nonce);
    - ``tenant``: a good token, from another organisation's tenant.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    @property
    def recorded(self) -> bool:
        """A token was offered and refused: kept in the sign-in activity."""
        return self.reason in {"token", "tenant"}


@dataclass(frozen=True)
class Identity:
    issuer: str
    subject: str
    # The address the service vouches for, or "" when it vouches for none.
    email: str
    id_token: str


def enabled() -> bool:
    return bool(settings.OIDC_ISSUER)


def password_sign_in() -> bool:
    """Whether people may sign in (and reset) with a password here."""
    return settings.PASSWORD_SIGN_IN or not enabled()


@lru_cache(maxsize=4)
def _client(issuer: str, client_id: str, client_secret: str, scopes: str):
    # One client per configuration: it keeps the discovery document and the keys once fetched.
    return OAuth().register(
        "organisation",
        client_id=client_id,
        client_secret=client_secret,
        server_metadata_url=f"{issuer.rstrip('/')}/.well-known/openid-configuration",
        client_kwargs={
            "scope": scopes,
            "code_challenge_method": "S256",
            "default_timeout": TIMEOUT_SECONDS,
        },
    )


def _app():
    return _client(
        settings.OIDC_ISSUER,
        settings.OIDC_CLIENT_ID,
        settings.OIDC_CLIENT_SECRET,
        settings.OIDC_SCOPES,
    )


def _metadata(app) -> dict:
    """The discovery document, checked to be the configured issuer's own."""
    metadata = app.load_server_metadata()
    if str(metadata.get("issuer", "")).rstrip("/") != settings.OIDC_ISSUER.rstrip("/"):
        log.error("The discovery document names issuer %r", metadata.get("issuer"))
        raise SignInProblem("unavailable")
    return metadata


def authorization_redirect(request, *, redirect_uri: str, next_path: str, language: str):
    """The redirect that sends the browser to the service's sign-in, with a fresh state, nonce
    and PKCE challenge kept in this session (Authlib's), and where to go afterwards (ours)."""
    app = _app()
    try:
        _metadata(app)
        response = app.authorize_redirect(request, redirect_uri, ui_locales=language)
    except (requests.RequestException, ValueError, RuntimeError, AuthlibBaseError) as error:
        log.warning("The organisation's sign-in service did not answer: %r", error)
        raise SignInProblem("unavailable") from error
    request.session[SIGN_IN_UNDER_WAY] = {"next": next_path, "language": language}
    return response


def sign_in_under_way(request) -> dict:
    """Where to go after signing in and the language it was started in (empty if none)."""
    under_way = request.session.get(SIGN_IN_UNDER_WAY)
    return under_way if isinstance(under_way, dict) else {}


def identity_from_callback(request) -> Identity:
    """The identity the service vouches for in its answer to this request, or SignInProblem."""
    if request.GET.get("error"):
        raise SignInProblem("cancelled")
    app = _app()
    state = request.GET.get("state") or ""
    if not state or app.framework.get_state_data(request.session, state) is None:
        raise SignInProblem("expired")
    try:
        metadata = _metadata(app)
        token = app.authorize_access_token(request, claims_options=_claims_options(metadata))
    except MismatchingStateError as error:
        raise SignInProblem("expired") from error
    except requests.RequestException as error:
        log.warning("The organisation's sign-in service did not answer: %r", error)
        raise SignInProblem("unavailable") from error
    except (OAuthError, JoseError, AuthlibBaseError, ValueError, KeyError, TypeError) as error:
        log.warning("A sign-in with the organisation's account was refused: %r", error)
        reason = "tenant" if _tenant_refused(error) else "token"
        raise SignInProblem(reason) from error
    claims = token.get("userinfo")
    if not claims:
        raise SignInProblem("token")
    return Identity(
        issuer=claims["iss"],
        subject=str(claims["sub"]),
        email=_verified_email(claims),
        id_token=token["id_token"],
    )


def _claims_options(metadata: dict) -> dict:
    options = {
        "iss": {"essential": True, "values": [metadata["issuer"]]},
        "aud": {"essential": True, "values": [settings.OIDC_CLIENT_ID]},
        "sub": {"essential": True},
    }
    if settings.OIDC_TENANT_ID:
        options["tid"] = {"essential": True, "value": settings.OIDC_TENANT_ID}
    return options


def _tenant_refused(error: Exception) -> bool:
    """A missing or wrong "tid" (joserfc names the claims it refused, joined by commas)."""
    return "tid" in str(getattr(error, "claim", "")).split(",")


def _verified_email(claims: dict) -> str:
    """The first configured claim holding an address, if the service vouches for it."""
    verified = claims.get("email_verified")
    if verified is False or str(verified).lower() == "false":
        return ""
    if settings.OIDC_REQUIRE_EMAIL_VERIFIED and verified not in (True, "true"):
        return ""
    for name in settings.OIDC_EMAIL_CLAIMS:
        value = claims.get(name)
        if isinstance(value, str) and "@" in value and len(value) <= 254:
            return value.strip().lower()
    return ""


def end_session_url(id_token: str, *, post_logout_redirect_uri: str) -> str | None:
    """The service's end-session address for this sign-in (RP-initiated logout), or None when
    its discovery document offers none (or it does not answer)."""
    if not (enabled() and id_token):
        return None
    app = _app()
    try:
        if not _metadata(app).get("end_session_endpoint"):
            return None
        return app.create_logout_url(
            post_logout_redirect_uri=post_logout_redirect_uri,
            id_token_hint=id_token,
            client_id=settings.OIDC_CLIENT_ID,
        )["url"]
    except (SignInProblem, requests.RequestException, ValueError, AuthlibBaseError) as error:
        log.warning("The organisation's sign-in service did not answer at sign-out: %r", error)
        return None
