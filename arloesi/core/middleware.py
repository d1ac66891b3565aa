import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpResponseForbidden
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit

logger = logging.getLogger(__name__)

# Headers a proxy adds: a request that carries one came from somewhere else.
FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")
DEVELOPMENT_KEY_REFUSAL = _(
    "This Arloesi is using the published development secret key, so it only answers requests "
    "from this computer. To serve it to others, set SECRET_KEY (see .env.example)."
)


class DevelopmentKeyGuardMiddleware:
    """Refuses every request from another computer while the published development key is in
    use (settings.DEVELOPMENT_KEY_IN_USE): with that key anyone could forge a session. Settings
    already limit the host names to loopback ones; this also catches a proxy or a port opened
    to the network with a loopback Host header. Not loaded at all when a real key is set."""

    def __init__(self, get_response):
        if not settings.DEVELOPMENT_KEY_IN_USE:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if not from_this_computer(request.META):
            logger.error(
                "Refused a request from %s: the development SECRET_KEY is in use. Set "
                "SECRET_KEY to serve Arloesi to other computers.",
                request.META.get("REMOTE_ADDR") or "an unknown address",
            )
            with translation.override("en"):
                english = str(DEVELOPMENT_KEY_REFUSAL)
            with translation.override("cy"):
                welsh = str(DEVELOPMENT_KEY_REFUSAL)
            return HttpResponseForbidden(
                f"{english}\n\n{welsh}\n", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


def from_this_computer(meta) -> bool:
    if any(meta.get(header) for header in FORWARDING_HEADERS):
        return False
    try:
        return ipaddress.ip_address(meta.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


class PrivatePagesMiddleware:
    """Every response to a signed-in person is private and not stored: no shared cache, and no
    copy left on a shared clinical workstation's disk (pages, PDFs, exports, attachments)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(getattr(request, "user", None), "is_authenticated", False):
            patch_cache_control(response, private=True, no_store=True)
        return response


class LanguagePreferenceMiddleware:
    """Remembers the language a person last chose.

    A page address starts with its language (/en/…, /cy/…), and each page links to the same page
    in the other language. Following that link is the choice: it is kept in a cookie, and for a
    signed-in person in their profile too, so e-mails and their next visit use it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        user = getattr(request, "user", None)
        if (
            language
            and request.method == "GET"
            and getattr(user, "is_authenticated", False)
            and user.preferred_language != language
        ):
            # Saved before the page is drawn, so the page already shows the new choice.
            audit.update(user, actor=user, preferred_language=language)
        response = self.get_response(request)
        if not language or settings.LANGUAGE_COOKIE_NAME in response.cookies:
            # No language in the address, or the view chose the language itself (sign-in).
            return response
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            set_language_cookie(response, language)
        return response


def set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        httponly=True,
    )
