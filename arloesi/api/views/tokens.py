"""A person's API access tokens, on their account: made (the secret shown once, on the page
that answers), listed, revoked."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.api import selectors, services
from arloesi.api.forms.tokens import TokenForm
from arloesi.api.vocabulary import MAX_TOKEN_DAYS
from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = TokenForm(posted(request))
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.token_create(actor=request.user, **form.cleaned_data),
            form=form,
        )
        if result.ok:
            # Shown once: this answer is the only place the secret ever appears.
            return render(request, "api/token_created.html", {"created": result.value})
    return render(
        request,
        "api/tokens.html",
        {"form": form, "rows": selectors.tokens_of(user=request.user), "days": MAX_TOKEN_DAYS},
    )


@login_required
@require_POST
def token_revoke(request, token_id: int):
    token = selectors.token_get_for_user(user=request.user, token_id=token_id)
    call_service(
        request,
        lambda: services.token_revoke(actor=request.user, token=token),
        success=_("The token “%(name)s” has been revoked: it no longer works.")
        % {"name": token.name},
    )
    return redirect("api:tokens")
