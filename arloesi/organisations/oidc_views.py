"""Signing in with the organisation's account (OpenID Connect; ADR 0010).

The button posts here; the browser goes to the organisation's sign-in service and comes back to
the callback, which lets in the person the verified account belongs to, or says why not. No
input to the callback is a server error: whatever comes back that is not a good answer to a
sign-in started in this browser is a page saying so (400), and a service that does not answer
sends the person back to the sign-in page with a message.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from arloesi.core.client_address import client_address
from arloesi.core.redirects import local_path
from arloesi.organisations import oidc, services
from arloesi.organisations.auth_views import redirect_after_sign_in

# Why the last sign-in with an organisation's account let no one in (the refusal page reads it).
REFUSED = "arloesi_organisation_sign_in_refused"
# A "next" longer than this is no page of this site.
LONGEST_NEXT = 2000


@require_POST
def organisation_sign_in(request):
    if not oidc.enabled():
        raise Http404
    if request.user.is_authenticated:
        return redirect("home")
    next_path = local_path(request, request.POST.get("next"))
    if len(next_path) > LONGEST_NEXT:
        next_path = ""
    try:
        return oidc.authorization_redirect(
            request,
            redirect_uri=settings.SITE_URL + reverse("organisation_sign_in_callback"),
            next_path=next_path,
            language=translation.get_language(),
        )
    except oidc.SignInProblem:
        return _service_unavailable(request, next_path)


@require_GET
def organisation_sign_in_callback(request):
    """Where the service sends the browser back (outside the language prefixes: one address is
    registered with it); the page speaks the language the sign-in was started in."""
    if not oidc.enabled():
        raise Http404
    under_way = oidc.sign_in_under_way(request)
    language = under_way.get("language")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        if request.user.is_authenticated:
            return redirect("home")
        return _callback(request, str(under_way.get("next") or ""))


def _callback(request, next_path: str):
    ip_address = client_address(request)
    try:
        identity = oidc.identity_from_callback(request)
    except oidc.SignInProblem as problem:
        if problem.reason == "unavailable":
            return _service_unavailable(request, next_path)
        if problem.recorded:
            services.organisation_sign_in_failed(ip_address=ip_address)
        return render(
            request,
            "organisations/organisation_sign_in_problem.html",
            {"reason": problem.reason, "password_sign_in": oidc.password_sign_in()},
            status=400,
        )
    result = services.person_sign_in_with_organisation_account(
        issuer=identity.issuer,
        subject=identity.subject,
        email=identity.email,
        ip_address=ip_address,
    )
    request.session.pop(oidc.SIGN_IN_UNDER_WAY, None)
    if result.person is None:
        request.session[REFUSED] = {"reason": result.refused, "email": result.email}
        return redirect("organisation_sign_in_refused")
    login(request, result.person, backend="django.contrib.auth.backends.ModelBackend")
    request.session[oidc.ID_TOKEN] = identity.id_token
    return redirect_after_sign_in(request, result.person, next_path)


@require_GET
def organisation_sign_in_refused(request):
    """Who to ask, when the organisation's account belongs to no one in Arloesi."""
    refusal = request.session.get(REFUSED)
    refusal = refusal if isinstance(refusal, dict) else {}
    return render(
        request,
        "organisations/organisation_sign_in_refused.html",
        {"reason": refusal.get("reason") or "unknown", "email": refusal.get("email") or ""},
    )


def _service_unavailable(request, next_path: str):
    if oidc.password_sign_in():
        message = _(
            "Your organisation's sign-in service is not answering. Try again in a few minutes, "
            "or sign in with your email address and password."
        )
    else:
        message = _(
            "Your organisation's sign-in service is not answering. Try again in a few minutes."
        )
    messages.error(request, message)
    sign_in = reverse("sign_in")
    return redirect(f"{sign_in}?{urlencode({'next': next_path})}" if next_path else sign_in)
