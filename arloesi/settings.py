"""One settings module for every deployment; what differs between them comes from the environment.

See .env.example for every variable and its default.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("ARLOESI_VAR_DIR", REPO_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = bool(os.environ.get("PYTEST_VERSION"))
# Demo data (well-known passwords) may only ever be loaded where this is on: never in production.
DEMO_MODE = env_bool("ARLOESI_DEMO", DEBUG)
# Development, demo and tests get local conveniences: e-mails as files, static files served
# from the source tree, this computer as the default host.
LOCAL = DEBUG or DEMO_MODE or TESTING
# A command-line tool that serves no requests (arloesi.cli.TOOLS) needs no secret of its own.
TOOL = env_bool("ARLOESI_TOOL", False)

# The development key is published in this repository, so anyone could forge a session with it.
# While it is in use the service answers only on this computer: the host names are loopback
# names only, and core.middleware.DevelopmentKeyGuardMiddleware refuses any request that comes
# from another address or through a proxy. A demo or training site sets its own SECRET_KEY.
DEVELOPMENT_SECRET_KEY = "arloesi-development-only-key-never-use-in-production-0123456789"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (LOCAL or TOOL):
        raise RuntimeError("Set SECRET_KEY (see .env.example).")
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
DEVELOPMENT_KEY_IN_USE = SECRET_KEY == DEVELOPMENT_SECRET_KEY
# Plain HTTP only where nothing real is at stake: DEBUG, the tests, and the development key on
# this computer. Everything else, a demo or training site with its own key included, gets
# HTTPS redirects, HSTS and secure cookies like production.
PLAIN_HTTP = DEBUG or TESTING or DEVELOPMENT_KEY_IN_USE

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ",".join(LOOPBACK_HOSTS) if LOCAL else "")
if DEVELOPMENT_KEY_IN_USE and (elsewhere := sorted(set(ALLOWED_HOSTS) - set(LOOPBACK_HOSTS))):
    raise RuntimeError(
        "Arloesi is using the published development SECRET_KEY, so it only answers on this "
        f"computer ({', '.join(LOOPBACK_HOSTS)}), not on {', '.join(elsewhere)}. "
        "Set SECRET_KEY to serve a demo or training site (see .env.example)."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "arloesi.core",
    "arloesi.organisations",
    "arloesi.diagrams",
    "arloesi.risks",
    "arloesi.projects",
    "arloesi.proposals",
    "arloesi.measures",
    "arloesi.delivery",
    "arloesi.evaluation",
    "arloesi.learning",
    "arloesi.api",
]

MIDDLEWARE = [
    "arloesi.core.middleware.DevelopmentKeyGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "arloesi.core.middleware.PrivatePagesMiddleware",
    "arloesi.core.middleware.LanguagePreferenceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "arloesi.organisations.middleware.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "arloesi.api.middleware.ProblemDetailsMiddleware",
]

ROOT_URLCONF = "arloesi.urls"
WSGI_APPLICATION = "arloesi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "arloesi.core.jinja.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.messages.context_processors.messages",
                "arloesi.core.context_processors.layout",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite (WAL) is the embedded default; PostgreSQL is the production database.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'arloesi.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if TESTING and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A test database is thrown away: its commits need not wait for the disk (a test that
    # commits — a browser test, a concurrency test — commits every statement).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # Writers queue for the lock instead of failing; readers never block writers (WAL).
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=20000;"
            "PRAGMA foreign_keys=ON;"
            "PRAGMA cache_size=-20000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- People and sign-in ---------------------------------------------------------------------
AUTH_USER_MODEL = "organisations.Person"
LOGIN_URL = "sign_in"
LOGIN_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed sign-ins within the window before sign-in is refused for a while: for one account
# (e-mail address; counted since its last successful sign-in) and, higher because a practice
# or health board network shares one address, for one client address.
SIGN_IN_MAX_FAILURES = int(os.environ.get("SIGN_IN_MAX_FAILURES", "5"))
SIGN_IN_MAX_FAILURES_PER_CLIENT = int(os.environ.get("SIGN_IN_MAX_FAILURES_PER_CLIENT", "50"))
SIGN_IN_FAILURE_WINDOW_MINUTES = int(os.environ.get("SIGN_IN_FAILURE_WINDOW_MINUTES", "15"))
# Reverse proxies in front of the app that append the client's address to X-Forwarded-For
# (1 behind one nginx); 0 takes the connection's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# A session ends after this long without a request (shared clinical workstations).
SESSION_IDLE_TIMEOUT_MINUTES = int(os.environ.get("SESSION_IDLE_TIMEOUT_MINUTES", "30"))
INVITATION_VALID_DAYS = 14
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Signing in with the organisation's account: any OpenID Connect provider, found through its
# discovery document (<issuer>/.well-known/openid-configuration). Entra ID: the tenant's issuer,
# https://login.microsoftonline.com/<tenant id>/v2.0, with OIDC_TENANT_ID set to that tenant id,
# so that a token with another "tid" is refused. Off while OIDC_ISSUER is empty (ADR 0010).
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").strip()
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "").strip()
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
# The claims that may carry the person's e-mail address, tried in this order.
OIDC_EMAIL_CLAIMS = env_list("OIDC_EMAIL_CLAIM", "email")
# Use the address only when the token says it is verified ("email_verified": true). Entra ID
# sends no such claim: there, set 0 and set OIDC_TENANT_ID (the tenant vouches for its
# addresses). A token that says "email_verified": false is never used to link an account.
OIDC_REQUIRE_EMAIL_VERIFIED = env_bool("OIDC_REQUIRE_EMAIL_VERIFIED", True)
OIDC_TENANT_ID = os.environ.get("OIDC_TENANT_ID", "").strip()
OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid email profile").strip()
# Signing in with a password (and resetting it) can be switched off where everyone has an
# organisation's account; then the sign-in page offers only the organisation's button.
PASSWORD_SIGN_IN = env_bool("PASSWORD_SIGN_IN", True)
if OIDC_ISSUER and "openid" not in OIDC_SCOPES.split():
    raise RuntimeError("OIDC_SCOPES must include openid.")
if OIDC_ISSUER and not (OIDC_CLIENT_ID and OIDC_CLIENT_SECRET):
    raise RuntimeError("OIDC_ISSUER is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too.")
if not (PASSWORD_SIGN_IN or OIDC_ISSUER):
    raise RuntimeError("PASSWORD_SIGN_IN=0 leaves no way to sign in: set OIDC_ISSUER too.")
if OIDC_ISSUER and not (
    OIDC_ISSUER.startswith("https://")
    or urlsplit(OIDC_ISSUER).hostname in {"127.0.0.1", "localhost", "::1"}
):
    raise RuntimeError("OIDC_ISSUER must be an https:// address.")

# --- Language -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"
LANGUAGE_COOKIE_NAME = "arloesi_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SECURE = not PLAIN_HTTP
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
if LOCAL:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = LOCAL

# --- Stored files ---------------------------------------------------------------------------
# The files people upload (a proposal's attachments) are kept where every app server finds
# them: ARLOESI_STORAGE=local (the default, one machine) keeps them in the folder MEDIA_ROOT;
# azure in a container of Azure Blob Storage; s3 in a bucket of an S3-compatible store
# (django-storages). Nothing else is stored: PDFs, exports and drawings are made for each
# download. The container or bucket stays private: every download is a page of Arloesi, scoped
# and recorded, streamed from the store (core.stored_files, ADR 0012).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGE_KINDS = ("local", "azure", "s3")


def file_storage(environ) -> dict:
    """``STORAGES["default"]`` for the store ``environ`` (the environment) chooses."""
    kind = environ.get("ARLOESI_STORAGE", "local").strip().lower() or "local"

    def required(name: str) -> str:
        value = environ.get(name, "").strip()
        if not value:
            raise RuntimeError(f"ARLOESI_STORAGE={kind} needs {name} (see .env.example).")
        return value

    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind == "azure":
        options = {
            "azure_container": required("AZURE_CONTAINER"),
            "location": environ.get("AZURE_LOCATION", "").strip(),
            "timeout": int(environ.get("AZURE_CONNECTION_TIMEOUT_SECS", "20")),
            # Every name is new and random: a clash is refused, never written over.
            "overwrite_files": False,
        }
        if environ.get("AZURE_CONNECTION_STRING", "").strip():
            options["connection_string"] = environ["AZURE_CONNECTION_STRING"].strip()
        else:
            options["account_name"] = required("AZURE_ACCOUNT_NAME")
            options["account_key"] = required("AZURE_ACCOUNT_KEY")
        return {"BACKEND": "storages.backends.azure_storage.AzureStorage", "OPTIONS": options}
    if kind == "s3":
        # Keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role.
        options = {
            "bucket_name": required("AWS_STORAGE_BUCKET_NAME"),
            "location": environ.get("AWS_LOCATION", "").strip(),
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
            "region_name": environ.get("AWS_S3_REGION_NAME", "").strip() or None,
            "addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE", "").strip() or None,
            # Private objects; never a signed or public address (downloads go through Arloesi).
            "default_acl": None,
            "file_overwrite": False,
        }
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    raise RuntimeError(
        f"ARLOESI_STORAGE={kind} is not one of {', '.join(STORAGE_KINDS)} (see .env.example)."
    )


STORAGES = {
    "default": file_storage(os.environ),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not LOCAL
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# /healthz answers 503 when the store has not answered within this many seconds.
STORAGE_HEALTH_TIMEOUT_SECONDS = float(os.environ.get("STORAGE_HEALTH_TIMEOUT_SECONDS", "3"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- More than one server -------------------------------------------------------------------
# Any app server may answer a person's next request, so nothing a request leaves for the next
# is kept in one process or on one machine: sessions in the database, messages in a signed
# cookie (or the session, when too big for one), sign-in failures in the database
# (organisations.SignInActivity), files in the store above, background tasks in the database.
# There is no cache: one per process would let servers disagree, so none is configured and
# nothing may rely on one. Every server has the same SECRET_KEY (sessions, cookies and links
# are signed with it).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MESSAGE_STORAGE = "django.contrib.messages.storage.fallback.FallbackStorage"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# --- E-mail ---------------------------------------------------------------------------------
# Locally, e-mails are written to files under var/mail/; in production they go to an SMTP relay.
_EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if LOCAL
    else "django.core.mail.backends.smtp.EmailBackend",
)
if _EMAIL_BACKEND.endswith("filebased.EmailBackend"):
    _EMAIL_OPTIONS = {"file_path": str(VAR_DIR / "mail")}
elif _EMAIL_BACKEND.endswith("smtp.EmailBackend"):
    _EMAIL_OPTIONS = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": 20,
    }
else:
    _EMAIL_OPTIONS = {}
MAILERS = {"default": {"BACKEND": _EMAIL_BACKEND, "OPTIONS": _EMAIL_OPTIONS}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Arloesi <arloesi@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Background work ------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Finished task results are deleted after this many days (core.tasks.task_results_prune, which
# the worker runs every hour). Task arguments hold ids only, never a link or a token.
TASK_RESULTS_KEEP_SUCCEEDED_DAYS = int(os.environ.get("TASK_RESULTS_KEEP_SUCCEEDED_DAYS", "7"))
TASK_RESULTS_KEEP_FAILED_DAYS = int(os.environ.get("TASK_RESULTS_KEEP_FAILED_DAYS", "30"))

# Projects: a project with no progress update for this many days is flagged stale; reminders go
# this many days before a PDSA cycle or milestone is due, and once when it is overdue.
PROJECT_STALE_AFTER_DAYS = int(os.environ.get("PROJECT_STALE_AFTER_DAYS", "30"))
# Requests a minute one API token may make (counted in the database, across app servers).
API_REQUESTS_PER_MINUTE = int(os.environ.get("API_REQUESTS_PER_MINUTE", "120"))
# Each request made with an API token is logged (api_tokenuse) and kept this many days, then
# removed once a day by the worker (api.tasks.token_uses_prune); 400 days is 13 months.
API_TOKEN_USES_KEEP_DAYS = int(os.environ.get("API_TOKEN_USES_KEEP_DAYS", "400"))
REMINDER_DAYS_BEFORE_DUE = int(os.environ.get("REMINDER_DAYS_BEFORE_DUE", "3"))

# --- Security -------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if OIDC_ISSUER:
    # The sign-in and sign-out buttons post here, and are answered with a redirect to the
    # organisation's sign-in service (its own address: Entra ID's, Keycloak's, Google's).
    SECURE_CSP["form-action"].append("{0.scheme}://{0.netloc}".format(urlsplit(OIDC_ISSUER)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not PLAIN_HTTP:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SERVICE_NAME = _("Arloesi")
