"""Sign-in, sign-out, password reset and accepting an invitation.

None of these pages says whether an e-mail address has an account: a wrong password and an
unknown address get the same answer, a reset request always says "sent", and an invitation link
offers both signing in and creating an account. Where password sign-in is switched off, the
organisation's account is the only way in (oidc_views), and the password pages say so.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.client_address import client_address
from arloesi.core.forms import add_service_errors
from arloesi.core.middleware import set_language_cookie
from arloesi.core.redirects import local_path
from arloesi.core.service_calls import call_service
from arloesi.organisations import oidc, selectors, services
from arloesi.organisations.forms import (
    AcceptInvitationForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    SignInForm,
)


def redirect_after_sign_in(request, person, target: str = ""):
    """To ``target`` (a path on this site) or the person's home page, in their language."""
    target = local_path(request, target)
    if not target:
        with translation.override(person.preferred_language):
            target = reverse("home")
    response = HttpResponseRedirect(translate_url(target, person.preferred_language))
    set_language_cookie(response, person.preferred_language)
    return response


def _throttled_message(throttled: str) -> str:
    minutes = settings.SIGN_IN_FAILURE_WINDOW_MINUTES
    if throttled == "client":
        return _(
            "There have been too many failed attempts to sign in from your network. "
            "Wait %(minutes)d minutes, then try again."
        ) % {"minutes": minutes}
    return _(
        "There have been too many attempts to sign in with this email address. "
        "Wait %(minutes)d minutes, then try again, or reset your password."
    ) % {"minutes": minutes}


def _next(request) -> str:
    return request.POST.get("next") or request.GET.get("next") or ""


def _password_sign_in_off(request):
    """The password pages where password sign-in is switched off: a polite refusal."""
    return render(request, "organisations/password_sign_in_off.html", status=404)


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.user.is_authenticated:
        return redirect("home")
    # Where password sign-in is switched off, only the organisation's button is offered.
    form = SignInForm(request.POST or None) if oidc.password_sign_in() else None
    if request.method == "POST" and form is not None and form.is_valid():
        result = services.person_sign_in(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            ip_address=client_address(request),
        )
        if result.person is not None:
            login(request, result.person, backend="django.contrib.auth.backends.ModelBackend")
            return redirect_after_sign_in(request, result.person, _next(request))
        form.add_error(
            None,
            _throttled_message(result.throttled)
            if result.throttled
            else _("The email address or password is not right"),
        )
    return render(
        request,
        "organisations/sign_in.html",
        {
            "form": form,
            "next": local_path(request, _next(request)),
            "organisation_sign_in": oidc.enabled(),
        },
    )


@require_POST
def sign_out(request):
    """End Arloesi's session; after a sign-in with the organisation's account, also go to the
    service's end-session address (when its discovery document has one), which comes back to
    the sign-in page."""
    id_token = request.session.get(oidc.ID_TOKEN, "")
    if request.user.is_authenticated:
        services.person_sign_out(person=request.user, ip_address=client_address(request))
    logout(request)
    messages.success(request, _("You have signed out."))
    end_session = oidc.end_session_url(
        id_token, post_logout_redirect_uri=settings.SITE_URL + oidc.SIGNED_OUT_PATH
    )
    return HttpResponseRedirect(end_session) if end_session else redirect("sign_in")


@require_http_methods(["GET", "POST"])
def password_reset(request):
    if not oidc.password_sign_in():
        return _password_sign_in_off(request)
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_reset_request(
            email=form.cleaned_data["email"], ip_address=client_address(request)
        )
        return redirect("password_reset_sent")
    return render(request, "organisations/password_reset.html", {"form": form})


def password_reset_sent(request):
    if not oidc.password_sign_in():
        return _password_sign_in_off(request)
    return render(request, "organisations/password_reset_sent.html")


@sensitive_post_parameters("password", "password_again")
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request, uid: str, token: str):
    if not oidc.password_sign_in():
        return _password_sign_in_off(request)
    person = selectors.person_get_for_reset_token(uid=uid, token=token)
    if person is None:
        return render(request, "organisations/password_reset_invalid.html", status=400)
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.password_set(
                person=person,
                password=form.cleaned_data["password"],
                ip_address=client_address(request),
            ),
            form=form,
            success=_("Your password has been changed. Sign in with it now."),
        )
        if result.ok:
            return redirect("sign_in")
    return render(request, "organisations/password_reset_confirm.html", {"form": form})


@sensitive_post_parameters("password", "password_again")
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    invitation = selectors.invitation_get_for_token(token=token)
    if invitation is None:
        return render(request, "organisations/invitation_invalid.html", status=404)
    signed_in = request.user.is_authenticated
    if signed_in and request.user.email != invitation.email:
        return render(
            request,
            "organisations/invitation_other_person.html",
            {"invitation": invitation},
            status=403,
        )
    # Someone not signed in is offered both ways, whether or not the address has an account:
    # signing in (with a password or the organisation's account), or a new account with a
    # password, where passwords are used here.
    form = (
        AcceptInvitationForm(request.POST or None, initial={"full_name": invitation.full_name})
        if not signed_in and oidc.password_sign_in()
        else None
    )
    if request.method == "POST" and (signed_in or (form is not None and form.is_valid())):
        result = call_service(
            request,
            lambda: services.invitation_accept(
                invitation=invitation,
                person=request.user if signed_in else None,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password"] if form else "",
                ip_address=client_address(request),
            ),
            form=form,
            show_refusal=False,
            success=_("You are now %(role)s in %(unit)s.")
            % {"role": invitation.get_role_display(), "unit": invitation.unit.name},
        )
        if isinstance(result.error, services.InvitationLapsedError):
            return render(
                request,
                "organisations/invitation_invalid.html",
                {"reason": result.error.messages[0]},
                status=410,
            )
        if result.error is not None and form is not None:
            add_service_errors(form, result.error)
        elif result.error is not None:
            messages.error(request, " ".join(result.error.messages))
        if result.ok:
            person = result.value
            if not signed_in:
                login(request, person, backend="django.contrib.auth.backends.ModelBackend")
            return redirect_after_sign_in(request, person, _next(request))
    return render(
        request,
        "organisations/invitation_accept.html",
        {
            "invitation": invitation,
            "form": form,
            "signed_in": signed_in,
            "organisation_sign_in": oidc.enabled(),
        },
    )
