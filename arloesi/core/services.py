"""Writes shared by every domain app."""

from django.db import models, transaction

from arloesi.core import audit
from arloesi.core.models import AuditEvent, StatusChange
from arloesi.core.workflow import Workflow


@transaction.atomic
def status_change[M: models.Model](
    obj: M,
    *,
    workflow: Workflow,
    change_model: type[StatusChange],
    to_status: str,
    actor,
    reason: str = "",
    status_field: str = "status",
    subject_field: str,
) -> M:
    """Move ``obj`` to ``to_status`` if ``workflow`` allows it from where it is now.

    The status is changed with a guarded UPDATE (only if it is still what this request saw), so
    two people acting at once cannot both succeed; the step is kept as an immutable row.
    """
    source = getattr(obj, status_field)
    workflow.transition(source, to_status)
    moved = (
        type(obj)
        ._base_manager.filter(pk=obj.pk, **{status_field: source})
        .update(**{status_field: to_status})
    )
    if not moved:
        raise audit.ConcurrentEditError
    setattr(obj, status_field, to_status)
    change_model.objects.create(
        **{subject_field: obj},
        actor=actor if getattr(actor, "pk", None) else None,
        from_status=source,
        to_status=to_status,
        reason=reason,
    )
    audit.record(
        actor=actor,
        obj=obj,
        action=AuditEvent.Action.STATUS,
        changes={status_field: [source, to_status]},
        note=reason,
    )
    return obj
