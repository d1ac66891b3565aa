from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from arloesi.core import attention, audit, permissions, stored_files
from arloesi.core.forms import RedactForm
from arloesi.core.redirects import local_path
from arloesi.core.service_calls import call_service


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the app, its database and the store of its
    files answer; 503 otherwise, within ``STORAGE_HEALTH_TIMEOUT_SECONDS``."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    if not stored_files.answers(timeout=settings.STORAGE_HEALTH_TIMEOUT_SECONDS):
        return HttpResponse("storage unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@login_required
def home(request):
    return render(
        request,
        "core/home.html",
        {
            "memberships": request.user.active_memberships(),
            "attention": attention.items_for(request.user),
        },
    )


def accessibility(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")


def cookies(request):
    return render(request, "core/cookies.html")


def page_not_found(request, exception=None):
    return render(request, "core/404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "core/403.html", status=403)


def server_error(request):
    return render(request, "core/500.html", status=500)


def bad_request(request, exception=None):
    return render(request, "core/400.html", status=400)


@login_required
@require_http_methods(["GET", "POST"])
def history_redact(request, event_id: int, field: str):
    """An administrator takes a value out of a history page, for good, with a reason."""
    if not permissions.can_anywhere(request.user, permissions.REDACT):
        raise Http404
    event = audit.event_get(event_id=event_id)
    if event is None or field not in event.changes:
        raise Http404
    back = local_path(request, request.POST.get("next") or request.GET.get("next"))
    form = RedactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: audit.redact(
                actor=request.user, event=event, field=field, reason=form.cleaned_data["reason"]
            ),
            form=form,
            success=_("The value has been removed from the history."),
        )
        if result.ok:
            return redirect(back or "home")
    return render(
        request,
        "core/history_redact.html",
        {"event": event, "label": audit.field_label(event, field), "form": form, "back": back},
    )
