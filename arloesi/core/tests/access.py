"""Core's pages for the access walk (tests/walks/): none takes parameters, none has a form of
its own (the sign-out button in the layout posts to organisations' ``sign_out``)."""

PROBES: dict = {
    # A recorded change to organisation B's proposal: only administrators may remove a value.
    "history_redact": lambda w: {"event_id": _first_event_of(w.b_proposal), "field": "title"},
}
PUBLIC = {"healthz", "accessibility", "privacy", "cookies"}


def populate(world) -> None:
    """Core has no scoped data of its own."""


def _first_event_of(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    from arloesi.core.models import AuditEvent

    return (
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


# An administrator removes a recorded value, with a reason.
FORM_USERS: dict = {"history_redact": lambda w: w.administrator}
