"""Organisation units: created and moved (with everything under them). Audited."""

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr

from arloesi.core import audit
from arloesi.organisations.models import OrganisationUnit, Person


def unit_create(*, actor: Person | None, **fields) -> OrganisationUnit:
    return audit.create(OrganisationUnit, actor=actor, **fields)


@transaction.atomic
def unit_update(*, actor: Person | None, unit: OrganisationUnit, **fields) -> OrganisationUnit:
    old_path = unit.path
    unit = audit.update(unit, actor=actor, **fields)
    new_path = unit.compute_path()
    if new_path != old_path:
        # Moved to another parent: the unit and everything under it get new paths.
        OrganisationUnit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
        )
        unit.path = new_path
    return unit
