import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext

from arloesi.core.client_address import client_address
from arloesi.organisations import services

LAST_SEEN = "arloesi_last_seen"
# The time of the last request is saved at most this often, so most requests write nothing.
TOUCH_EVERY_SECONDS = 60


def start_idle_clock(sender, request, user, **kwargs) -> None:
    """On every sign-in (user_logged_in): the idle time counts from here, and the session ends
    SESSION_COOKIE_AGE after it however busy it is (saving the idle clock would otherwise move
    the cookie's expiry on with every save)."""
    if hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())
        request.session.set_expiry(timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE))


class IdleSessionMiddleware:
    """Ends a session after settings.SESSION_IDLE_TIMEOUT_MINUTES without a request: clinical
    workstations are shared. The next request goes to the sign-in page with a message saying
    why, and signing in again leads back to where the person was."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        now = int(time.time())
        if request.user.is_authenticated and self._idle_too_long(request, now):
            return self._sign_out(request)
        if request.user.is_authenticated:
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is None or now - last_seen >= TOUCH_EVERY_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)

    @staticmethod
    def _idle_too_long(request, now: int) -> bool:
        last_seen = request.session.get(LAST_SEEN)
        return (
            last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT_MINUTES * 60
        )

    def _sign_out(self, request):
        services.person_sign_out(
            person=request.user, ip_address=client_address(request), timed_out=True
        )
        logout(request)
        minutes = settings.SESSION_IDLE_TIMEOUT_MINUTES
        # Kept in the message cookie: logging out emptied the session.
        messages.info(
            request,
            ngettext(
                "You were signed out because Arloesi was not used for %(minutes)d minute. "
                "Sign in again to carry on where you were.",
                "You were signed out because Arloesi was not used for %(minutes)d minutes. "
                "Sign in again to carry on where you were.",
                minutes,
            )
            % {"minutes": minutes},
        )
        sign_in = redirect_to_login(_where_they_were(request), login_url=reverse("sign_in"))
        if request.headers.get("HX-Request"):
            # A partial update would put the sign-in page inside the page: htmx goes there.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = sign_in["Location"]
            return response
        return sign_in


def _where_they_were(request) -> str:
    """The page to come back to: this one, or for a form sent (a POST) the page it was on."""
    if request.method == "GET":
        return request.get_full_path()
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return reverse("home")
