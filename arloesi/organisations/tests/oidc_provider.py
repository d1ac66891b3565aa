"""A real OpenID Connect provider for the tests, on 127.0.0.1, built on Authlib's server side.

Run as its own process (``start()``, once per test session): a discovery document, a JWKS with
a fresh RSA key, the authorization endpoint (the code flow; PKCE with S256 and a nonce
required), the token endpoint (client secret by HTTP Basic) issuing RS256-signed ID tokens, and
the RP-initiated end-session endpoint. It signs in, without asking, the test user the test set
with ``RunningProvider.next_sign_in`` — who may be given another tenant, an unverified address,
or mischief: an expired token, a wrong nonce, a tampered signature.

``python -m arloesi.organisations.tests.oidc_provider`` prints the issuer's address and serves
until it is stopped.
"""

import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import requests
from authlib.common.security import generate_token
from authlib.oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import (
    AuthorizationCodeGrant,
    ClientMixin,
    OAuth2Error,
    OAuth2Request,
)
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin
from authlib.oidc.core.grants import OpenIDCode
from authlib.oidc.rpinitiated import EndSessionEndpoint
from joserfc.jwk import KeySet, RSAKey
from requests.structures import CaseInsensitiveDict

CLIENT_ID = "arloesi-tests"
CLIENT_SECRET = "arloesi-tests-client-secret"
TENANT = "0c3f6a1e-5b7d-4e2a-9c8b-7a6d5e4f3a21"
OTHER_TENANT = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
MISCHIEF = {"expired", "wrong_nonce", "tampered"}


# --- The provider (in its own process) -----------------------------------------------------------


@dataclass
class TestUser:
    claims: dict
    mischief: str = ""


@dataclass
class Code(AuthorizationCodeMixin):
    code: str
    redirect_uri: str
    scope: str
    nonce: str
    code_challenge: str
    code_challenge_method: str
    user: TestUser
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return None


class Client(ClientMixin):
    def __init__(self):
        self.redirect_uris: set[str] = set()
        self.client_metadata = {"post_logout_redirect_uris": []}

    def get_client_id(self):
        return CLIENT_ID

    def get_default_redirect_uri(self):
        return None

    def get_allowed_scope(self, scope):
        return " ".join(s for s in (scope or "").split() if s in {"openid", "email", "profile"})

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret):
        return client_secret == CLIENT_SECRET

    def check_endpoint_auth_method(self, method, endpoint):
        return method == "client_secret_basic" if endpoint == "token" else True

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


class Request(OAuth2Request):
    """A WSGI request as Authlib's server reads it."""

    def __init__(self, environ, issuer: str):
        query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
        form = {}
        if environ["REQUEST_METHOD"] == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            form = dict(parse_qsl(environ["wsgi.input"].read(length).decode()))
        headers = CaseInsensitiveDict(
            {k[5:].replace("_", "-"): v for k, v in environ.items() if k.startswith("HTTP_")}
        )
        headers["Content-Type"] = environ.get("CONTENT_TYPE", "")
        super().__init__(environ["REQUEST_METHOD"], issuer + environ["PATH_INFO"], headers=headers)
        self._args, self._form = query, form
        self.payload = BasicOAuth2Payload({**query, **form})

    @property
    def args(self):
        return self._args

    @property
    def form(self):
        return self._form


class Provider(AuthorizationServer):
    def __init__(self, issuer: str):
        super().__init__(scopes_supported=["openid", "email", "profile"])
        self.issuer = issuer
        self.key = RSAKey.generate_key(2048, parameters={"kid": generate_token(8), "use": "sig"})
        self.client = Client()
        self.codes: dict[str, Code] = {}
        self.next_user = TestUser({"sub": "nobody"})
        self.ended: list[dict] = []
        self.register_token_generator(
            "default", BearerTokenGenerator(lambda **kwargs: generate_token(42))
        )
        self.register_grant(CodeGrant, [CodeChallenge(required=True), OpenIDExtension(self)])
        self.register_endpoint(EndSession(self))

    def query_client(self, client_id):
        return self.client if client_id == CLIENT_ID else None

    def save_token(self, token, request):
        return None

    def create_oauth2_request(self, request):
        return request

    def handle_response(self, status, body, headers):
        return status, body, headers

    def send_signal(self, name, *args, **kwargs):
        return None

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "email", "email_verified", "name", "tid"],
        }


class CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic"]

    def save_authorization_code(self, code, request):
        data = request.payload.data
        self.server.codes[code] = Code(
            code=code,
            redirect_uri=data.get("redirect_uri", ""),
            scope=request.scope,
            nonce=data.get("nonce", ""),
            code_challenge=data.get("code_challenge", ""),
            code_challenge_method=data.get("code_challenge_method", ""),
            user=request.user,
        )

    def query_authorization_code(self, code, client):
        return self.server.codes.get(code)

    def delete_authorization_code(self, authorization_code):
        self.server.codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.user


class OpenIDExtension(OpenIDCode):
    def __init__(self, provider: Provider):
        super().__init__(require_nonce=True)
        self.provider = provider

    def exists_nonce(self, nonce, request):
        return False

    def resolve_client_private_key(self, client):
        return self.provider.key

    def get_client_algorithm(self, client):
        return "RS256"

    def get_encode_header(self, client):
        return {"alg": "RS256", "kid": self.provider.key.kid}

    def get_client_claims(self, client):
        now = int(time.time())
        return {"iss": self.provider.issuer, "aud": [CLIENT_ID], "iat": now, "exp": now + 300}

    def generate_user_info(self, user: TestUser, scope):
        claims = dict(user.claims)
        now = int(time.time())
        if user.mischief == "expired":
            claims.update(iat=now - 7200, exp=now - 3600, auth_time=now - 7200)
        if user.mischief == "wrong_nonce":
            claims["nonce"] = "not-the-nonce-that-was-sent"
        return claims


class EndSession(EndSessionEndpoint):
    def get_server_jwks(self):
        return KeySet([self.server.key])

    def end_session(self, end_session_request):
        self.server.ended.append(
            {
                "sub": (end_session_request.id_token_claims or {}).get("sub"),
                "redirect_uri": end_session_request.redirect_uri,
            }
        )


def _tampered(id_token: str) -> str:
    header, payload, signature = id_token.split(".")
    swapped = ("B" if signature[0] == "A" else "A") + signature[1:]
    return f"{header}.{payload}.{swapped}"


def application(provider: Provider):
    def respond(start_response, status: int, body, headers=()):
        if isinstance(body, dict | list):
            body = json.dumps(body)
            if not any(name.lower() == "content-type" for name, _value in headers):
                headers = [*headers, ("Content-Type", "application/json")]
        reason = {200: "OK", 302: "Found", 400: "Bad Request", 401: "Unauthorized"}
        start_response(f"{status} {reason.get(status, 'Error')}", list(headers))
        return [(body or "").encode()]

    def app(environ, start_response):
        path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
        request = Request(environ, provider.issuer)
        if path == "/.well-known/openid-configuration":
            return respond(start_response, 200, provider.discovery())
        if path == "/jwks":
            return respond(start_response, 200, KeySet([provider.key]).as_dict(private=False))
        if path == "/authorize":
            data = request.payload.data
            if data.get("code_challenge_method") != "S256" or not data.get("code_challenge"):
                return respond(start_response, 400, {"error": "invalid_request"})
            try:
                grant = provider.get_authorization_grant(request)
            except OAuth2Error as error:
                return respond(start_response, *error())
            user = provider.next_user
            return respond(
                start_response,
                *provider.create_authorization_response(request, grant_user=user, grant=grant),
            )
        if path == "/token" and method == "POST":
            code = provider.codes.get(request.form.get("code", ""))
            status, body, headers = provider.create_token_response(request)
            if status == 200 and code and code.user.mischief == "tampered":
                body = {**body, "id_token": _tampered(body["id_token"])}
            return respond(start_response, status, body, headers)
        if path == "/logout":
            try:
                answer = provider.create_endpoint_response("end_session", request)
            except OAuth2Error as error:
                return respond(start_response, *error())
            return respond(start_response, *answer) if answer else respond(start_response, 200, "")
        if path.startswith("/test/") and method == "POST":
            return respond(start_response, 200, _control(provider, path, request.form))
        return respond(start_response, 400, {"error": "not_found"})

    return app


def _control(provider: Provider, path: str, form: dict) -> dict:
    """What a test tells the provider: who signs in next, which addresses are registered."""
    if path == "/test/next":
        claims = json.loads(form["claims"])
        provider.next_user = TestUser(claims, form.get("mischief", ""))
    elif path == "/test/register":
        provider.client.redirect_uris.add(form["redirect_uri"])
        provider.client.client_metadata["post_logout_redirect_uris"].append(
            form["post_logout_redirect_uri"]
        )
    return {"ended": provider.ended}


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        return None


def serve() -> None:
    server = make_server("127.0.0.1", 0, lambda e, s: [], _Server, _QuietHandler)
    provider = Provider(f"http://127.0.0.1:{server.server_port}")
    server.set_app(application(provider))
    print(provider.issuer, flush=True)
    server.serve_forever()


# --- The tests' side -----------------------------------------------------------------------------


class RunningProvider:
    """The provider's process, as the tests see it."""

    def __init__(self, process: subprocess.Popen, issuer: str):
        self.process = process
        self.issuer = issuer
        self.lock = threading.Lock()
        self.registered: set[tuple[str, str]] = set()

    def next_sign_in(
        self,
        *,
        sub: str,
        email: str = "",
        email_verified: bool = True,
        tid: str = TENANT,
        mischief: str = "",
    ) -> None:
        """Who the provider signs in next (and what it does wrong, if anything)."""
        assert not mischief or mischief in MISCHIEF, mischief
        claims = {"sub": sub, "tid": tid, "name": "Test user"}
        if email:
            claims.update(email=email, email_verified=email_verified)
        self._post("/test/next", {"claims": json.dumps(claims), "mischief": mischief})

    def register(self, *, redirect_uri: str, post_logout_redirect_uri: str) -> None:
        """Register Arloesi's addresses (once each: the provider keeps them)."""
        if (redirect_uri, post_logout_redirect_uri) in self.registered:
            return
        self.registered.add((redirect_uri, post_logout_redirect_uri))
        self._post(
            "/test/register",
            {"redirect_uri": redirect_uri, "post_logout_redirect_uri": post_logout_redirect_uri},
        )

    def ended_sessions(self) -> list[dict]:
        return self._post("/test/ended", {})["ended"]

    def _post(self, path: str, data: dict) -> dict:
        with self.lock:
            response = requests.post(self.issuer + path, data=data, timeout=5)
        response.raise_for_status()
        return response.json()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=5)


def configure(settings, provider: RunningProvider) -> None:
    """Point Arloesi (Django's ``settings``, as the ``settings`` fixture gives them) at the
    provider, as .env would, and register Arloesi's addresses with it."""
    settings.OIDC_ISSUER = provider.issuer
    settings.OIDC_CLIENT_ID = CLIENT_ID
    settings.OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_TENANT_ID = TENANT
    settings.OIDC_EMAIL_CLAIMS = ["email"]
    settings.OIDC_REQUIRE_EMAIL_VERIFIED = True
    settings.OIDC_SCOPES = "openid email profile"
    # As settings.py does for a configured issuer: the buttons' redirects may go there.
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "form-action": [*settings.SECURE_CSP["form-action"], provider.issuer],
    }
    provider.register(
        redirect_uri=f"{settings.SITE_URL}/sign-in/organisation/callback/",
        post_logout_redirect_uri=f"{settings.SITE_URL}/sign-in/",
    )


def start() -> RunningProvider:
    process = subprocess.Popen(  # noqa: S603 - this interpreter, this module
        [sys.executable, "-m", __name__], stdout=subprocess.PIPE, text=True
    )
    issuer = process.stdout.readline().strip()
    if not issuer.startswith("http://127.0.0.1:"):
        process.kill()
        raise RuntimeError(f"The test OpenID Connect provider did not start: {issuer!r}")
    return RunningProvider(process, issuer)


if __name__ == "__main__":
    serve()
