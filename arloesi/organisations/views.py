"""Directory, invitations, memberships, imports. A view parses, calls one service, renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core import exports, permissions
from arloesi.core.middleware import set_language_cookie
from arloesi.core.service_calls import call_service
from arloesi.organisations import account as account_sections
from arloesi.organisations import importer, selectors, services
from arloesi.organisations.exports import SIGN_IN_ACTIVITY_COLUMNS
from arloesi.organisations.forms import (
    ImportForm,
    InvitationForm,
    LanguageForm,
    SignInActivityFilterForm,
)
from arloesi.organisations.roles import Kind, Perm


@login_required
def directory(request):
    return render(
        request,
        "organisations/directory.html",
        {
            "health_boards": selectors.health_board_list(),
            "can_import": permissions.can_anywhere(request.user, Perm.IMPORT),
        },
    )


@login_required
def unit_detail(request, unit_id: int):
    page = selectors.unit_page(user=request.user, unit_id=unit_id, page=request.GET.get("page"))
    if page.unit.kind == Kind.WALES:
        return redirect("organisations:directory")
    return render(
        request,
        "organisations/unit.html",
        {
            "unit": page.unit,
            "ancestors": page.ancestors,
            "children": page.children,
            "people": page.people,
            "invitations": page.invitations,
            "can_invite": page.can_invite,
            "can_view_history": page.can_view_history,
        },
    )


@login_required
def unit_history(request, unit_id: int):
    page = selectors.unit_history_page(user=request.user, unit_id=unit_id)
    return render(
        request,
        "core/history.html",
        {
            "subject": page.unit.name,
            "events": page.events,
            "can_redact": page.can_redact,
            "back_url": unit_url(page.unit),
        },
    )


def unit_url(unit) -> str:
    return reverse("organisations:unit", kwargs={"unit_id": unit.pk})


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, unit_id: int):
    unit = selectors.unit_get(unit_id=unit_id)
    roles = selectors.roles_grantable(actor=request.user, unit=unit)
    if not roles:
        raise Http404
    form = InvitationForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.invitation_send(actor=request.user, unit=unit, **form.cleaned_data),
            form=form,
            success=lambda invitation: (
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email}
            ),
        )
        if result.ok:
            return redirect(unit_url(unit))
    return render(request, "organisations/invite.html", {"unit": unit, "form": form})


@login_required
@require_POST
def invitation_revoke(request, invitation_id: int):
    invitation = selectors.invitation_get_for_user(user=request.user, invitation_id=invitation_id)
    result = call_service(
        request,
        lambda: services.invitation_revoke(actor=request.user, invitation=invitation),
        success=_("The invitation to %(email)s was withdrawn.") % {"email": invitation.email},
    )
    if result.stale:
        messages.error(request, _("This invitation had already been answered or withdrawn."))
    return redirect(unit_url(invitation.unit))


@login_required
@require_http_methods(["GET", "POST"])
def membership_end(request, membership_id: int):
    membership = selectors.membership_get_for_user(user=request.user, membership_id=membership_id)
    if not selectors.membership_can_end(actor=request.user, membership=membership):
        raise Http404
    if request.method == "POST":
        call_service(
            request,
            lambda: services.membership_end(actor=request.user, membership=membership),
            success=_("%(name)s is no longer %(role)s here.")
            % {"name": membership.person.full_name, "role": membership.get_role_display()},
        )
        return redirect(unit_url(membership.unit))
    return render(request, "organisations/membership_end.html", {"membership": membership})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_account_unlink(request, membership_id: int):
    membership = selectors.membership_get_for_user(user=request.user, membership_id=membership_id)
    if not selectors.organisation_account_unlinkable(actor=request.user, membership=membership):
        raise Http404
    if request.method == "POST":
        call_service(
            request,
            lambda: services.organisation_account_unlink(actor=request.user, membership=membership),
            success=_(
                "%(name)s’s organisation account is no longer linked. Their next sign-in with it "
                "links it again by their email address."
            )
            % {"name": membership.person.full_name},
        )
        return redirect(unit_url(membership.unit))
    return render(
        request, "organisations/organisation_account_unlink.html", {"membership": membership}
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_units(request):
    if not permissions.can_anywhere(request.user, Perm.IMPORT):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = importer.import_units(
            actor=request.user, filename=upload.name, content=upload.read()
        )
        if result.ok:
            messages.success(
                request,
                _(
                    "Import finished: %(created)d added, %(updated)d changed, "
                    "%(unchanged)d unchanged."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect("organisations:import")
    return render(
        request,
        "organisations/import.html",
        {"form": form, "result": result, "columns": importer.COLUMNS},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = LanguageForm(
        request.POST or None, initial={"preferred_language": request.user.preferred_language}
    )
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["preferred_language"]
        call_service(
            request,
            lambda: services.person_set_language(
                actor=request.user, person=request.user, language=language
            ),
        )
        # The address is translated from the language it is in; the message is in the new one.
        response = redirect(translate_url(request.path, language))
        with translation.override(language):
            messages.success(request, _("Your language has been saved."))
        set_language_cookie(response, language)
        return response
    return render(
        request,
        "organisations/account.html",
        {"form": form, "sections": account_sections.sections()},
    )


def _sign_in_activity_filters(request) -> tuple[SignInActivityFilterForm, dict]:
    form = SignInActivityFilterForm(request.GET or None)
    return form, (form.cleaned_data if form.is_bound and form.is_valid() else {})


@login_required
def sign_in_activity(request):
    form, filters = _sign_in_activity_filters(request)
    page = selectors.sign_in_activity_page(
        user=request.user, page=request.GET.get("page"), **filters
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/sign_in_activity.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
def sign_in_activity_export(request, file_format: str):
    if file_format not in exports.CONTENT_TYPES:
        raise Http404
    filters = _sign_in_activity_filters(request)[1]
    return exports.download(
        SIGN_IN_ACTIVITY_COLUMNS,
        selectors.sign_in_activity_for(user=request.user, **filters),
        file_format=file_format,
        filename=f"sign-in-activity-{timezone.localdate():%Y-%m-%d}",
        actor=request.user,
        subject=selectors.sign_in_activity_subject(user=request.user),
    )
