"""The one permission mechanism: may this person do this to that object?

Everything a person may do comes from their memberships (a role in an organisation unit).
The organisations app turns memberships into, for each permission, the list of organisation-unit
paths the person reaches (``person.reach(permission)``); an object belongs to one or more units
and exposes their paths. Access is allowed only when one of the object's paths lies under one of
the person's reached paths. Nothing is allowed by default.

Reads use ``scope_q`` so that a queryset only ever returns what the person may see; a single
object is fetched with ``get_for_user`` (404 when out of scope, so ids cannot be probed).
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import Http404

# Take a recorded value (patient or personal data written by mistake) out of the audit trail.
# Granted to administrators in organisations.roles.
REDACT = "core.redact_audit_values"


def reach(user, permission: str) -> tuple[str, ...]:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return ()
    return user.reach(permission)


def can(user, permission: str, paths: str | Iterable[str]) -> bool:
    prefixes = reach(user, permission)
    if not prefixes:
        return False
    candidates = [paths] if isinstance(paths, str) else list(paths)
    return any(path.startswith(prefix) for path in candidates for prefix in prefixes)


def can_anywhere(user, permission: str) -> bool:
    return bool(reach(user, permission))


def scope_q(user, permission: str, path_field: str) -> Q:
    """A filter matching the rows whose ``path_field`` lies within the person's reach."""
    prefixes = reach(user, permission)
    if not prefixes:
        return Q(pk__in=[])
    condition = Q()
    for prefix in prefixes:
        condition |= Q(**{f"{path_field}__startswith": prefix})
    return condition


def scoped(queryset: QuerySet, user, permission: str, path_field: str) -> QuerySet:
    return queryset.filter(scope_q(user, permission, path_field)).distinct()


def get_for_user(queryset: QuerySet, user, permission: str, path_field: str, **lookup):
    """The one object matching ``lookup`` that the person may reach, else 404."""
    try:
        return queryset.filter(scope_q(user, permission, path_field)).distinct().get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
