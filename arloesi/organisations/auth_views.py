"""Sign-in, sign-out, password reset and accepting an invitation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.middleware import set_language_cookie
from arloesi.organisations import services
from arloesi.organisations.forms import (
    AcceptInvitationForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    SignInForm,
)
from arloesi.organisations.models import Person


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _redirect_after_sign_in(request, person: Person):
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: anything else (another site, or a word that ``redirect`` would
    # take for a view's name) goes home.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        with translation.override(person.preferred_language):
            target = reverse("home")
    response = HttpResponseRedirect(translate_url(target, person.preferred_language))
    set_language_cookie(response, person.preferred_language)
    return response


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if services.sign_in_blocked(email=email):
            form.add_error(
                None,
                _(
                    "There have been too many attempts to sign in with this email address. "
                    "Wait %(minutes)d minutes, then try again, or reset your password."
                )
                % {"minutes": settings.SIGN_IN_FAILURE_WINDOW_MINUTES},
            )
        else:
            person = authenticate(request, username=email, password=form.cleaned_data["password"])
            if person is None:
                services.sign_in_failed(email=email, ip_address=_client_ip(request))
                form.add_error(None, _("The email address or password is not right"))
            else:
                services.sign_in_succeeded(email=email)
                login(request, person)
                return _redirect_after_sign_in(request, person)
    return render(
        request, "organisations/sign_in.html", {"form": form, "next": request.GET.get("next", "")}
    )


@require_POST
def sign_out(request):
    logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("sign_in")


@require_http_methods(["GET", "POST"])
def password_reset(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_reset_request(email=form.cleaned_data["email"])
        return redirect("password_reset_sent")
    return render(request, "organisations/password_reset.html", {"form": form})


def password_reset_sent(request):
    return render(request, "organisations/password_reset_sent.html")


@sensitive_post_parameters("password", "password_again")
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request, uid: str, token: str):
    try:
        person = Person.objects.get(pk=int(force_str(urlsafe_base64_decode(uid))), is_active=True)
    except (ValueError, TypeError, OverflowError, Person.DoesNotExist):
        person = None
    if person is None or not default_token_generator.check_token(person, token):
        return render(request, "organisations/password_reset_invalid.html", status=400)
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_set(person=person, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error("password", error)
        else:
            messages.success(request, _("Your password has been changed. Sign in with it now."))
            return redirect("sign_in")
    return render(request, "organisations/password_reset_confirm.html", {"form": form})


@sensitive_post_parameters("password", "password_again")
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    invitation = services.invitation_for_token(token)
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
    existing = not signed_in and Person.objects.filter(email=invitation.email).exists()
    form = (
        None
        if signed_in or existing
        else AcceptInvitationForm(request.POST or None, initial={"full_name": invitation.full_name})
    )
    if request.method == "POST" and (form is None or form.is_valid()):
        if existing:
            return redirect(f"{reverse('sign_in')}?next={request.path}")
        try:
            person = services.invitation_accept(
                invitation=invitation,
                person=request.user if signed_in else None,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password"] if form else "",
            )
        except ValidationError as error:
            form.add_error("password", error)
        else:
            if not signed_in:
                login(request, person, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("You are now %(role)s in %(unit)s.")
                % {"role": invitation.get_role_display(), "unit": invitation.unit.name},
            )
            return _redirect_after_sign_in(request, person)
    return render(
        request,
        "organisations/invitation_accept.html",
        {"invitation": invitation, "form": form, "existing": existing},
    )
