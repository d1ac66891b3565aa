"""Writes that define a measure: adding one to a box of a driver diagram, and changing it.

Every write is audited (core.audit) and asks ``rules.require_change`` first."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.diagrams import selectors as diagrams
from arloesi.diagrams.vocabulary import Kind
from arloesi.measures.models import Measure
from arloesi.measures.services.rules import require_change, require_measure_change
from arloesi.measures.vocabulary import ChartType, default_rule_set, rule_set_fits

FIELDS = frozenset(
    {
        "kind",
        "name",
        "operational_definition",
        "numerator",
        "denominator",
        "unit",
        "data_source",
        "frequency",
        "direction",
        "target",
        "chart_type",
        "rule_set",
    }
)


def _checked(values: dict) -> dict:
    unknown = set(values) - FIELDS
    if unknown:
        raise ValueError(f"not a measure's field: {', '.join(sorted(unknown))}")
    values = dict(values)
    for name in (
        "name",
        "operational_definition",
        "numerator",
        "denominator",
        "unit",
        "data_source",
    ):
        if name in values:
            values[name] = (values[name] or "").strip()
    chart = values.get("chart_type")
    if not values.get("rule_set") and chart in ChartType.values:
        values["rule_set"] = default_rule_set(chart)
    if chart in ChartType.values and not rule_set_fits(chart, values.get("rule_set", "")):
        raise ValidationError({"rule_set": _("Choose rules that can be used with this chart")})
    target = values.get("target")
    if target is not None and not isinstance(target, Decimal):
        values["target"] = Decimal(str(target))
    return values


@transaction.atomic
def measure_create(*, actor, diagram, node_id: int, **values) -> Measure:
    """A measure on the box ``node_id`` of ``diagram`` (its aim, a driver or a change idea)."""
    require_change(actor, diagram)
    node = next((n for n in _boxes(diagram) if n.pk == node_id), None)
    if node is None:
        raise ValidationError({"node": _("Select a box of the driver diagram")})
    return audit.create(Measure, actor=actor, node=node, created_by=actor, **_checked(values))


def _boxes(diagram) -> list:
    content = diagrams.content_of(diagram)
    return [node for kind in Kind.values for node in content.of_kind(kind)]


@transaction.atomic
def measure_update(
    *, actor, measure: Measure, expected_version: int, node_id: int | None = None, **values
) -> Measure:
    """Change what a measure is; ``node_id`` moves it to another box of the same diagram."""
    require_measure_change(actor, measure)
    changes = _checked(values)
    if node_id is not None and node_id != measure.node_id:
        node = next((n for n in _boxes(measure.node.diagram) if n.pk == node_id), None)
        if node is None:
            raise ValidationError({"node": _("Select a box of the driver diagram")})
        changes["node"] = node
    return audit.update(measure, actor=actor, expected_version=expected_version, **changes)


@transaction.atomic
def measures_copy(*, actor, diagram, node_map: dict[int, int]) -> list[Measure]:
    """Copies of the measures on the boxes ``node_map`` names (source box id -> box id of
    ``diagram``) onto ``diagram``'s matching boxes: what is counted and how, never the data (an
    innovation taken up elsewhere starts measuring afresh). The caller has decided the source
    may be copied (a published learning record's project); ``actor`` must be able to change
    ``diagram``'s measures."""
    require_change(actor, diagram)
    boxes = {node.pk: node for node in _boxes(diagram)}
    if not set(node_map.values()) <= set(boxes):
        raise ValidationError({"node": _("Select a box of the driver diagram")})
    copies = []
    for source in Measure.objects.filter(node_id__in=list(node_map)).order_by("pk"):
        values = {name: getattr(source, name) for name in FIELDS}
        copies.append(
            audit.create(
                Measure,
                actor=actor,
                node=boxes[node_map[source.node_id]],
                created_by=actor,
                **values,
            )
        )
    return copies
