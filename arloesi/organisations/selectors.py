"""Reads of organisations, people and memberships, scoped to what the person may see.

The directory's structure (boards, planning groups, clusters, collaboratives) is public
knowledge and visible to every signed-in person; who holds which role is not, and is only
returned within the reader's reach (Perm.VIEW_PEOPLE).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from arloesi.core import permissions
from arloesi.core.attention import AttentionItem
from arloesi.organisations import tokens
from arloesi.organisations.models import (
    Invitation,
    Membership,
    OrganisationUnit,
    Person,
    SignInActivity,
)
from arloesi.organisations.roles import GRANTABLE_ROLES, ROLE_UNIT_KIND, Kind, Perm, Role


def health_board_list():
    """Every health board with its number of planning groups and clusters (one query)."""
    return (
        OrganisationUnit.objects.filter(kind=Kind.HEALTH_BOARD)
        .annotate(
            planning_group_count=Count("children", distinct=True),
            cluster_count=Count("children__children", distinct=True),
        )
        .order_by("name_en")
    )


def unit_get(*, unit_id: int) -> OrganisationUnit:
    try:
        return OrganisationUnit.objects.select_related("parent__parent__parent__parent").get(
            pk=unit_id
        )
    except OrganisationUnit.DoesNotExist:
        raise Http404 from None


def unit_ancestors(unit: OrganisationUnit) -> list[OrganisationUnit]:
    """Wales first, ``unit``'s parent last (uses the select_related chain of unit_get)."""
    ancestors = []
    current = unit.parent
    while current is not None:
        ancestors.append(current)
        current = current.parent if current.parent_id else None
    return list(reversed(ancestors))


def unit_children(unit: OrganisationUnit):
    """The units directly under ``unit``; clusters come with their collaboratives' count."""
    children = OrganisationUnit.objects.filter(parent=unit).order_by("name_en")
    if unit.kind == Kind.HEALTH_BOARD:
        children = children.prefetch_related(
            Prefetch("children", queryset=OrganisationUnit.objects.order_by("name_en"))
        )
    if unit.kind in (Kind.PLANNING_GROUP, Kind.HEALTH_BOARD):
        children = children.annotate(child_count=Count("children"))
    return children


PEOPLE_PER_PAGE = 50


def unit_people(*, user, unit: OrganisationUnit, page: str | int | None = None):
    """The people ``user`` may see in ``unit``, a page of 50 at a time, or None if none.

    A cluster or collaborative lists everyone in it; a health board or planning group lists the
    roles held at that unit itself (its clusters list their own people).
    """
    if not permissions.can(user, Perm.VIEW_PEOPLE, unit.path):
        return None
    memberships = Membership.objects.filter(
        permissions.scope_q(user, Perm.VIEW_PEOPLE, "unit__path"), ended_at__isnull=True
    )
    if unit.kind in (Kind.CLUSTER, Kind.COLLABORATIVE):
        memberships = memberships.filter(unit__path__startswith=unit.path)
    else:
        memberships = memberships.filter(unit=unit)
    memberships = memberships.select_related("person", "unit").order_by(
        "unit__name_en", "person__full_name", "pk"
    )
    people = Paginator(memberships, PEOPLE_PER_PAGE).get_page(page)
    # Whether the reader may end each role is decided here, so the page offers only that.
    people.object_list = list(people.object_list)
    for membership in people.object_list:
        membership.can_end = membership_can_end(actor=user, membership=membership)
    return people


# --- Which roles a person may give, and end ---------------------------------------------------


def _roles_given_by_memberships(actor, unit: OrganisationUnit) -> set[Role]:
    """The roles held at ``unit``'s kind that ``actor``'s memberships at or above ``unit`` may
    give (roles.GRANTABLE_ROLES); no queries beyond the actor's cached memberships."""
    grantable: set[Role] = set()
    for membership in actor.active_memberships():
        if unit.path.startswith(membership.unit.path):
            grantable |= GRANTABLE_ROLES.get(Role(membership.role), set())
    return {role for role in grantable if ROLE_UNIT_KIND[role] == unit.kind}


def roles_grantable(*, actor, unit: OrganisationUnit) -> list[Role]:
    """The roles ``actor`` may give to someone in ``unit``, in the order of Role."""
    if not permissions.can(actor, Perm.INVITE, unit.path):
        return []
    grantable = _roles_given_by_memberships(actor, unit)
    return [role for role in Role if role in grantable]


def membership_can_end(*, actor, membership: Membership) -> bool:
    """Ending a role is limited to the roles the actor could have given at that unit."""
    unit = membership.unit
    return permissions.can(actor, Perm.END_MEMBERSHIP, unit.path) and (
        membership.role in _roles_given_by_memberships(actor, unit)
    )


def invitations_pending_for(*, user, unit: OrganisationUnit | None = None):
    invitations = permissions.scoped(
        Invitation.objects.filter(status=Invitation.Status.PENDING),
        user,
        Perm.INVITE,
        "unit__path",
    ).select_related("unit", "invited_by")
    if unit is not None:
        invitations = invitations.filter(unit__path__startswith=unit.path)
    return invitations


def invitation_get_for_user(*, user, invitation_id: int) -> Invitation:
    return permissions.get_for_user(
        Invitation.objects.select_related("unit"), user, Perm.INVITE, "unit__path", pk=invitation_id
    )


def membership_get_for_user(*, user, membership_id: int) -> Membership:
    """A membership ``user`` may end; 404 for any other."""
    membership = permissions.get_for_user(
        Membership.objects.select_related("unit", "person"),
        user,
        Perm.END_MEMBERSHIP,
        "unit__path",
        pk=membership_id,
    )
    if not membership_can_end(actor=user, membership=membership):
        raise Http404
    return membership


def invitation_get_for_token(*, token: str) -> Invitation | None:
    """The invitation this token opens, if it is still waiting and has not expired."""
    invitation = (
        Invitation.objects.select_related("unit", "invited_by")
        .filter(token_hash=tokens.token_hash(token), status=Invitation.Status.PENDING)
        .first()
    )
    if invitation is None or invitation.is_expired:
        return None
    return invitation


def invitation_is_grantable(*, invitation: Invitation) -> bool:
    """Whether the person who sent ``invitation`` still holds a role that may give it there."""
    return invitation.role in roles_grantable(actor=invitation.invited_by, unit=invitation.unit)


def person_get_for_reset_token(*, uid: str, token: str) -> Person | None:
    """The active person a password reset link is for, if its token is still good."""
    try:
        person = Person.objects.get(pk=int(force_str(urlsafe_base64_decode(uid))), is_active=True)
    except (ValueError, TypeError, OverflowError, Person.DoesNotExist):
        return None
    return person if default_token_generator.check_token(person, token) else None


# --- Sign-in throttling -----------------------------------------------------------------------


def sign_in_throttled(*, email: str, ip_address: str | None) -> str | None:
    """Why sign-in is refused for now, or None: "account" after too many failures for this
    address since the later of the window's start and the account's last successful sign-in;
    "client" after too many failures from this client address within the window. Unknown
    addresses are counted the same way as known ones."""
    window_start = timezone.now() - timedelta(minutes=settings.SIGN_IN_FAILURE_WINDOW_MINUTES)
    last_sign_in = Person.objects.filter(email=email).values_list("last_login", flat=True).first()
    since = max(window_start, last_sign_in) if last_sign_in else window_start
    failures = SignInActivity.objects.filter(outcome=SignInActivity.Outcome.SIGN_IN_FAILED)
    if failures.filter(email=email, at__gt=since).count() >= settings.SIGN_IN_MAX_FAILURES:
        return "account"
    if ip_address and (
        failures.filter(ip_address=ip_address, at__gt=window_start).count()
        >= settings.SIGN_IN_MAX_FAILURES_PER_CLIENT
    ):
        return "client"
    return None


def unit_search(*, query: str, kinds=(Kind.CLUSTER, Kind.PLANNING_GROUP)):
    query = query.strip()
    if not query:
        return OrganisationUnit.objects.none()
    return OrganisationUnit.objects.filter(
        Q(name_en__icontains=query) | Q(name_cy__icontains=query) | Q(local_alias__icontains=query),
        kind__in=kinds,
    ).order_by("name_en")[:50]


def attention_for(user) -> list[AttentionItem]:
    """Home-page items: invitations this person sent (or can manage) that are still waiting."""
    if not permissions.can_anywhere(user, Perm.INVITE):
        return []
    waiting = list(
        invitations_pending_for(user=user)
        .values("unit_id", "unit__name_en", "unit__name_cy")
        .annotate(count=Count("id"))
        .order_by("unit__name_en")[:10]
    )
    welsh = get_language() == "cy"
    return [
        AttentionItem(
            text=_("Invitations waiting for a reply in %(unit)s")
            % {"unit": (row["unit__name_cy"] if welsh else row["unit__name_en"])},
            href=reverse("organisations:unit", kwargs={"unit_id": row["unit_id"]}),
            count=row["count"],
        )
        for row in waiting
    ]


# --- The reads other apps need (their front door into organisations) -------------------------


def _ancestor_paths(path: str) -> list[str]:
    """``/w1/hb2/pg3/`` → ``["/w1/", "/w1/hb2/", "/w1/hb2/pg3/"]``."""
    segments = [segment for segment in path.strip("/").split("/") if segment]
    return ["/" + "/".join(segments[: i + 1]) + "/" for i in range(len(segments))]


def people_holding(*, permission: str, unit: OrganisationUnit):
    """Active people whose roles give them ``permission`` at ``unit`` (core.permissions' rule,
    in SQL), by name."""
    from arloesi.organisations.models import Person
    from arloesi.organisations.roles import GRANTS, Reach

    grants = GRANTS.get(permission, {})
    unit_roles = [role for role, reach in grants.items() if reach == Reach.UNIT]
    cluster_roles = [role for role, reach in grants.items() if reach == Reach.CLUSTER]
    held = Q(role__in=unit_roles, unit__path__in=_ancestor_paths(unit.path))
    cluster = _path_of_kind(unit.path, Kind.CLUSTER)
    if cluster_roles and cluster:
        # A cluster-wide role held anywhere in the cluster reaches every unit in it.
        held |= Q(role__in=cluster_roles, unit__path__startswith=cluster)
    memberships = Membership.objects.filter(held, ended_at__isnull=True)
    return Person.objects.filter(is_active=True, pk__in=memberships.values("person")).order_by(
        "full_name", "id"
    )


def _path_of_kind(path: str, kind: str) -> str | None:
    """The path of the ``kind`` of unit that ``path`` lies in (or is), if any."""
    from arloesi.organisations.roles import KIND_PREFIX

    prefix = KIND_PREFIX[kind]
    for ancestor in _ancestor_paths(path):
        last = ancestor.rstrip("/").rsplit("/", 1)[-1]
        if last.startswith(prefix) and last[len(prefix) :].isdigit():
            return ancestor
    return None


def units_for(*, user, permission: str, kind: str) -> list[OrganisationUnit]:
    """The units of one kind where ``user`` holds ``permission`` (e.g. the collaboratives a
    person may write proposals for), by name."""
    return list(
        permissions.scoped(OrganisationUnit.objects.filter(kind=kind), user, permission, "path")
        .select_related("parent")
        .order_by("name_en", "id")
    )


def units_of_kind(*, kind: str, exclude: tuple[int, ...] = ()) -> list[OrganisationUnit]:
    """Every unit of one kind with its parent, by parent and name (the directory is public
    knowledge to everyone signed in)."""
    return list(
        OrganisationUnit.objects.filter(kind=kind)
        .exclude(pk__in=exclude)
        .select_related("parent")
        .order_by("parent__name_en", "name_en", "id")
    )


def unit_of_kind(*, unit_id: int, kinds: tuple[str, ...]) -> OrganisationUnit | None:
    return OrganisationUnit.objects.filter(pk=unit_id, kind__in=kinds).first()


def planning_group_of(*, unit: OrganisationUnit) -> OrganisationUnit | None:
    """The pan-cluster planning group ``unit`` is in (or is), if any."""
    path = _path_of_kind(unit.path, Kind.PLANNING_GROUP)
    return OrganisationUnit.objects.filter(path=path).first() if path else None


def person_by_email(*, email: str):
    """The active person who signs in with ``email``, if any. Only for the services that must
    know (they never tell the person asking whether anyone was found)."""
    from arloesi.organisations.models import Person

    return Person.objects.filter(email__iexact=email.strip(), is_active=True).first()
# --- Sign-in activity (administrators) --------------------------------------------------------

SIGN_IN_ACTIVITY_PER_PAGE = 50


def sign_in_activity_for(*, user, date_from=None, date_to=None, email: str = "", outcome: str = ""):
    """Everything that happened at the door, newest first, filtered; only for administrators
    (404 for anyone else). Dates are whole days in the service's time zone."""
    if not permissions.can_anywhere(user, Perm.VIEW_SIGN_IN_ACTIVITY):
        raise Http404
    activity = SignInActivity.objects.select_related("person")
    if date_from:
        activity = activity.filter(at__date__gte=date_from)
    if date_to:
        activity = activity.filter(at__date__lte=date_to)
    if email:
        activity = activity.filter(email__contains=email.strip().lower())
    if outcome:
        activity = activity.filter(outcome=outcome)
    return activity.order_by("-at", "-id")


def sign_in_activity_page(*, user, page: str | int | None = None, **filters):
    return Paginator(
        sign_in_activity_for(user=user, **filters), SIGN_IN_ACTIVITY_PER_PAGE
    ).get_page(page)


def sign_in_activity_subject(*, user) -> OrganisationUnit:
    """What an export of sign-in activity is recorded against: Wales, where administrators
    hold their role."""
    if not permissions.can_anywhere(user, Perm.VIEW_SIGN_IN_ACTIVITY):
        raise Http404
    return OrganisationUnit.objects.get(kind=Kind.WALES)
