"""The one way a view shows an object's history of changes (``core/history.html``): the events
and who may see their values come from the app's selector (a page with ``events``,
``show_values`` and ``can_redact``); the view names the object, the way back and, when values
are hidden from some readers, who sees them."""

from django.shortcuts import render


def render_history(request, page, *, subject: str, back_url: str, hidden_values_note=""):
    context = {
        "subject": subject,
        "events": page.events,
        "show_values": page.show_values,
        "can_redact": page.can_redact,
        "back_url": back_url,
    }
    if hidden_values_note:
        context["hidden_values_note"] = hidden_values_note
    return render(request, "core/history.html", context)
