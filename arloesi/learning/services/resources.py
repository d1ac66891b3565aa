"""Keeping the resources library (the national team): add a resource, change it, move it up or
down its topic, take it out of the library and bring it back. Every write is audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.learning.models import Resource
from arloesi.learning.selectors.resources import may_curate

TEXTS = ("title_en", "title_cy", "summary_en", "summary_cy", "url")
FIELDS = frozenset({*TEXTS, "topic"})


def _checked(actor, values: dict) -> dict:
    if not may_curate(actor):
        raise PermissionDenied
    unknown = set(values) - FIELDS
    if unknown:
        raise ValueError(f"not a resource's field: {', '.join(sorted(unknown))}")
    values = {k: (v or "").strip() if k in TEXTS else v for k, v in values.items()}
    if "topic" in values and values["topic"] not in Resource.Topic.values:
        raise ValidationError({"topic": _("Select one of the options listed")})
    return values


@transaction.atomic
def resource_create(*, actor, **values) -> Resource:
    """A new resource, last in its topic."""
    values = _checked(actor, values)
    last = Resource.objects.filter(topic=values.get("topic")).aggregate(Max("position"))
    return audit.create(
        Resource,
        actor=actor,
        position=(last["position__max"] or 0) + 1,
        updated_by=actor,
        **values,
    )


@transaction.atomic
def resource_update(*, actor, resource: Resource, expected_version: int, **values) -> Resource:
    values = _checked(actor, values)
    current = Resource.objects.select_for_update().get(pk=resource.pk)
    if values.get("topic", current.topic) != current.topic:
        last = Resource.objects.filter(topic=values["topic"]).aggregate(Max("position"))
        values["position"] = (last["position__max"] or 0) + 1
    return audit.update(
        current,
        actor=actor,
        expected_version=expected_version,
        updated_at=timezone.now(),
        updated_by=actor,
        **values,
    )


@transaction.atomic
def resource_move(*, actor, resource: Resource, up: bool) -> Resource:
    """Swap the resource with the one before (``up``) or after it in its topic."""
    _checked(actor, {})
    in_topic = list(
        Resource.objects.select_for_update().filter(topic=resource.topic).order_by("position", "pk")
    )
    index = next((i for i, r in enumerate(in_topic) if r.pk == resource.pk), None)
    if index is None:
        raise ValidationError(_("This resource is no longer in the library."))
    other = index - 1 if up else index + 1
    if not 0 <= other < len(in_topic):
        return in_topic[index]
    in_topic[index], in_topic[other] = in_topic[other], in_topic[index]
    for position, item in enumerate(in_topic, start=1):
        if item.position != position:
            audit.update(item, actor=actor, position=position)
    return next(r for r in in_topic if r.pk == resource.pk)


@transaction.atomic
def resource_publish_set(*, actor, resource: Resource, published: bool) -> Resource:
    """Take a resource out of the library (``published=False``) or bring it back."""
    _checked(actor, {})
    current = Resource.objects.select_for_update().get(pk=resource.pk)
    return audit.update(current, actor=actor, is_published=published, updated_by=actor)
