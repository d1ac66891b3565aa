"""The one way domain data is written: create, update, delete and record the change.

Services call these instead of ``.save()``; every call records an ``AuditEvent`` with the
actor, the time and each changed field's old and new value.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import CharField, F
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import AuditEvent, VersionedModel
from arloesi.core.rows import insert_rows, insert_rows_returning_ids
from arloesi.core.search import index as search_index


class ConcurrentEditError(Exception):
    """Someone else saved the object after this edit started (or moved it on meanwhile).

    ``current`` is the object as it is saved now, when known, so a form can show the person
    what changed and keep what they typed.
    """

    message = _(
        "Someone else changed this while you were editing it. Your changes have not been saved: "
        "check their changes below, then make yours again."
    )

    def __init__(self, current: models.Model | None = None):
        super().__init__(str(self.message))
        self.current = current


def _display(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple):
        return [_display(v) for v in value]
    return str(value)


def _field_value(obj: models.Model, field: models.Field) -> Any:
    if field.is_relation and field.many_to_one:
        return getattr(obj, field.name) if getattr(obj, field.attname) is not None else None
    return getattr(obj, field.attname)


def audited_fields(model: type[models.Model] | models.Model) -> list[models.Field]:
    """The fields a change records (and a history page labels)."""
    skip = set(getattr(model, "audit_exclude", ())) | {"id", "version", "password"}
    return [f for f in model._meta.concrete_fields if f.name not in skip]


# How the changes being made now were asked for, when not through a page (the API and its
# token): added to the note of every event recorded while it is set (``noted``).
_how = ContextVar("audit_how", default="")


@contextmanager
def noted(how: str) -> Iterator[None]:
    """Every event recorded inside the block says ``how`` in its note (e.g. the API token a
    change was made with), whichever service records it."""
    token = _how.set(how)
    try:
        yield
    finally:
        _how.reset(token)


def record(
    *,
    actor,
    obj: models.Model,
    action: str,
    changes: dict[str, list] | None = None,
    note: str = "",
) -> AuditEvent:
    note = "\n".join(part for part in (note, _how.get()) if part)
    event = AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        changes=changes or {},
        note=note,
    )
    if action in _CHANGES_DATA:
        # Whatever finding learning keeps of the object is rebuilt in the same transaction.
        search_index.touched(obj)
    return event


_CHANGES_DATA = frozenset(
    {AuditEvent.Action.CREATED, AuditEvent.Action.UPDATED, AuditEvent.Action.STATUS}
)


@transaction.atomic
def create[M: models.Model](model: type[M], *, actor, note: str = "", **fields) -> M:
    obj = model(**fields)
    obj.full_clean()
    obj.save(force_insert=True)
    changes = {
        f.name: [None, _display(_field_value(obj, f))]
        for f in audited_fields(obj)
        if _field_value(obj, f) not in (None, "", [], {})
    }
    record(actor=actor, obj=obj, action=AuditEvent.Action.CREATED, changes=changes, note=note)
    return obj


def _creations(model: type[models.Model]):
    """What ``create`` records of a new object, as a function for many objects of ``model``:
    the same, with each related object (the same for many) written out once."""
    fields = [(f.name, f.attname, f.is_relation and f.many_to_one) for f in audited_fields(model)]
    shown: dict[int, Any] = {}

    def changes(obj: models.Model) -> dict[str, list]:
        found = {}
        for name, attname, related in fields:
            if related:
                if getattr(obj, attname) is None:
                    continue
                value = getattr(obj, name)
                if id(value) not in shown:
                    shown[id(value)] = _display(value)
                found[name] = [None, shown[id(value)]]
            else:
                value = getattr(obj, attname)
                if value not in (None, "", [], {}):
                    found[name] = [None, _display(value)]
        return found

    return changes


@transaction.atomic
def create_many[M: models.Model](
    model: type[M], *, actor, rows: list[dict[str, Any]], note: str = ""
) -> list[M]:
    """``create`` for many objects of one model at once (a whole series of data sent together):
    each checked as ``create`` checks it, inserted together, each recorded with its own event,
    as ``create`` records it. Uniqueness is the caller's to have checked (the database's
    constraints still hold). Rows are written without ``save()``: only for models whose
    ``save()`` adds nothing (a data point, not an organisation with its path)."""
    objs = [model(**fields) for fields in rows]
    # A relation given as an object is there already: asking the database again for each is
    # what makes one-by-one slow. Uniqueness is the caller's (see above).
    given = (
        [name for name, value in rows[0].items() if isinstance(value, models.Model)] if rows else []
    )
    for obj in objs:
        obj.clean_fields(exclude=given)
        obj.clean()
    columns = [f for f in model._meta.concrete_fields if not f.primary_key]
    ids = insert_rows_returning_ids(
        model, ({f.attname: getattr(obj, f.attname) for f in columns} for obj in objs)
    )
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    note = "\n".join(part for part in (note, _how.get()) if part)
    at = timezone.now()
    changes = _creations(model)
    insert_rows(
        AuditEvent,
        (
            {
                "at": at,
                "actor_id": actor.pk if getattr(actor, "pk", None) else None,
                "action": AuditEvent.Action.CREATED,
                "content_type_id": content_type.pk,
                "object_id": str(obj.pk),
                "object_repr": str(obj)[:255],
                "changes": changes(obj),
                "note": note,
            }
            for obj in objs
        ),
    )
    for obj in objs:
        search_index.touched(obj)
    return objs


@transaction.atomic
def update[M: models.Model](
    obj: M, *, actor, expected_version: int | None = None, note: str = "", **fields
) -> M:
    """Change ``fields`` on ``obj``; record only what really changed.

    With ``expected_version`` (for ``VersionedModel``) the save is refused with
    ``ConcurrentEditError`` when someone else saved the object since that version was read.
    """
    before = {f.name: _field_value(obj, f) for f in audited_fields(obj)}
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    after = {f.name: _field_value(obj, f) for f in audited_fields(obj)}
    changes = {
        name: [_display(before[name]), _display(after[name])]
        for name in after
        if before[name] != after[name]
    }
    if isinstance(obj, VersionedModel):
        version = obj.version if expected_version is None else expected_version
        current = type(obj)._base_manager.filter(pk=obj.pk, version=version)
        if not changes:
            if not current.exists():
                raise ConcurrentEditError(_saved_now(obj))
            return obj
        values = {f.attname: getattr(obj, f.attname) for f in audited_fields(obj)}
        saved = current.update(version=F("version") + 1, **values)
        if not saved:
            raise ConcurrentEditError(_saved_now(obj))
        obj.version = version + 1
    elif changes:
        obj.save()
    if changes:
        record(actor=actor, obj=obj, action=AuditEvent.Action.UPDATED, changes=changes, note=note)
    return obj


def _saved_now(obj: models.Model) -> models.Model | None:
    return type(obj)._base_manager.filter(pk=obj.pk).first()


@transaction.atomic
def delete(obj: models.Model, *, actor, note: str = "") -> None:
    changes = {f.name: [_display(_field_value(obj, f)), None] for f in audited_fields(obj)}
    record(actor=actor, obj=obj, action=AuditEvent.Action.DELETED, changes=changes, note=note)
    documents = search_index.affected(obj)
    obj.delete()
    search_index.refresh(documents)


# What a removed value reads as, in the database and (translated) on history pages.
REDACTED = "[removed]"


def _readable(model: type[models.Model], name: str, value: Any) -> str:
    if value is None or value == "":
        return "–"
    if value == REDACTED:
        return str(_("(removed by an administrator)"))
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    return str(value)


def history_for(
    obj: models.Model, *, including: tuple[models.QuerySet, ...] = (), show_values: bool = True
) -> list:
    """Every recorded change to ``obj`` (and to the objects of the ``including`` querysets, e.g.
    a unit's memberships), oldest first, in one query. Each event gets ``readable_changes``:
    field labels, in the reader's language, and — only when ``show_values`` — the values before
    and after, as people read them. Without values a reader learns who changed which fields
    when, and nothing of what was written."""
    models_by_type = {ContentType.objects.get_for_model(obj, for_concrete_model=False): type(obj)}
    # One indexed lookup (content type, object id) for each kind of object, put together with
    # UNION ALL. The same conditions joined with OR would make PostgreSQL read the whole audit
    # table, which only ever grows.
    parts = [
        AuditEvent.objects.filter(
            content_type=next(iter(models_by_type)), object_id=str(obj.pk)
        ).values("pk")
    ]
    for queryset in including:
        content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=False)
        models_by_type[content_type] = queryset.model
        ids = queryset.annotate(_id_text=Cast("pk", CharField())).values("_id_text")
        parts.append(
            AuditEvent.objects.filter(content_type=content_type, object_id__in=ids).values("pk")
        )
    ids = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    events = list(
        AuditEvent.objects.filter(pk__in=ids).select_related("actor").order_by("at", "id")
    )
    for event in events:
        model = models_by_type[next(ct for ct in models_by_type if ct.pk == event.content_type_id)]
        event.subject = event.object_repr if model is not type(obj) else ""
        event.readable_changes = [
            {
                "field": name,
                "label": _label(model, name),
                "before": _readable(model, name, before) if show_values else None,
                "after": _readable(model, name, after) if show_values else None,
                "removable": show_values
                and any(v not in (None, "", REDACTED) for v in (before, after)),
            }
            for name, (before, after) in event.changes.items()
        ]
    return events


def field_label(event: AuditEvent, name: str) -> str:
    return _label(event.content_type.model_class(), name)


def event_get(*, event_id: int) -> AuditEvent | None:
    return AuditEvent.objects.select_related("content_type").filter(pk=event_id).first()


@transaction.atomic
def redact(*, actor, event: AuditEvent, field: str, reason: str) -> AuditEvent:
    """Take a recorded value out of the audit trail for good (patient or personal data written by
    mistake): from this change and from every change to the same object's same field that holds
    it, and from the object's recorded name. The removal is recorded, with its reason, but not
    the value. The caller has checked ``actor`` may redact (``core.permissions.REDACT``)."""
    pair = event.changes.get(field)
    values = {value for value in (pair or ()) if value not in (None, "", REDACTED)}
    if not values:
        raise ValidationError(_("There is no value left to remove in this change."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the value is being removed")})
    same_object = AuditEvent.objects.select_for_update().filter(
        content_type_id=event.content_type_id, object_id=event.object_id
    )
    for other in same_object:
        changes = {
            name: [REDACTED if name == field and value in values else value for value in sides]
            for name, sides in other.changes.items()
        }
        object_repr = other.object_repr
        for value in values:
            if isinstance(value, str) and len(value) >= 4:
                object_repr = object_repr.replace(value, REDACTED)
        if changes != other.changes or object_repr != other.object_repr:
            AuditEvent.objects.erase_values(other.pk, changes=changes, object_repr=object_repr)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=AuditEvent.Action.REDACTED,
        content_type_id=event.content_type_id,
        object_id=event.object_id,
        object_repr=AuditEvent.objects.get(pk=event.pk).object_repr,
        changes={field: [REDACTED, REDACTED]},
        note=reason,
    )


def _label(model: type[models.Model], name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except FieldDoesNotExist:
        return name
