"""Synthetic organisations for the benchmark (see arloesi.core.bench), and the pages to time.

Scale 1 is all of Wales: the 7 health boards (already there), 22 pan-cluster planning groups,
60 clusters, 420 professional collaboratives and 3,000 people holding every role, with pending
invitations and a history of changes. Scale 0.1 is a tenth of that, with at least one planning
group and one cluster in each health board. Calling the generator again adds another batch.

``generate`` makes the data; this module chooses what to time, and as whom.
"""

from django.db.models import Count, Q
from django.urls import reverse

from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.organisations.models import OrganisationAccount, OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata.bench.generate import organisations_generate

__all__ = [
    "administrator",
    "cluster_lead",
    "largest_cluster",
    "largest_collaborative",
    "largest_health_board",
    "largest_planning_group",
    "organisations_generate",
    "practitioner",
]


def holder(unit: OrganisationUnit, role: Role) -> Person:
    return (
        Person.objects.filter(
            memberships__unit=unit, memberships__role=role, memberships__ended_at__isnull=True
        )
        .order_by("pk")
        .first()
    )


def largest_cluster(context: BenchContext) -> OrganisationUnit:
    """The cluster with the most people: its page lists them all."""
    return context.pick(
        "organisations.largest_cluster",
        lambda: (
            OrganisationUnit.objects.filter(kind=Kind.CLUSTER)
            .annotate(
                people=Count(
                    "children__memberships",
                    filter=Q(children__memberships__ended_at__isnull=True),
                )
            )
            .order_by("-people", "pk")
            .first()
        ),
    )


def largest_collaborative(context: BenchContext) -> OrganisationUnit:
    return context.pick(
        "organisations.largest_collaborative",
        lambda: (
            OrganisationUnit.objects.filter(kind=Kind.COLLABORATIVE)
            .annotate(people=Count("memberships", filter=Q(memberships__ended_at__isnull=True)))
            .order_by("-people", "pk")
            .first()
        ),
    )


def largest_health_board(context: BenchContext) -> OrganisationUnit:
    return context.pick(
        "organisations.largest_health_board",
        lambda: (
            OrganisationUnit.objects.filter(kind=Kind.HEALTH_BOARD)
            .annotate(clusters=Count("children__children"))
            .order_by("-clusters", "pk")
            .first()
        ),
    )


def largest_planning_group(context: BenchContext) -> OrganisationUnit:
    return context.pick(
        "organisations.largest_planning_group",
        lambda: (
            OrganisationUnit.objects.filter(kind=Kind.PLANNING_GROUP)
            .annotate(clusters=Count("children"))
            .order_by("-clusters", "pk")
            .first()
        ),
    )


def cluster_lead(context: BenchContext) -> Person:
    return holder(largest_cluster(context), Role.CLUSTER_LEAD)


def health_board_officer(context: BenchContext) -> Person:
    return holder(largest_health_board(context), Role.HEALTH_BOARD_OFFICER)


def practitioner(context: BenchContext) -> Person:
    return holder(largest_collaborative(context), Role.PRACTITIONER)


def administrator(context: BenchContext) -> Person:
    return holder(OrganisationUnit.objects.get(kind=Kind.WALES), Role.ADMINISTRATOR)


def _unit_url(unit: OrganisationUnit, name: str = "organisations:unit") -> str:
    return reverse(name, kwargs={"unit_id": unit.pk})


bench.register_generator("organisations", organisations_generate, order=10)
# The busiest home page: a health board officer's lists the invitations waiting in each unit of
# the board, so it grows with the board.
bench.register_page("home", url=lambda c: reverse("home"), user=health_board_officer)
bench.register_page(
    "organisations directory",
    url=lambda c: reverse("organisations:directory"),
    user=practitioner,
    does_not_grow="it lists the seven health boards of Wales, whatever else is loaded",
)
bench.register_page(
    "health board",
    url=lambda c: _unit_url(largest_health_board(c)),
    user=health_board_officer,
)
bench.register_page(
    "planning group",
    url=lambda c: _unit_url(largest_planning_group(c)),
    user=lambda c: holder(largest_planning_group(c), Role.PLANNING_GROUP_CHAIR),
)
bench.register_page("cluster", url=lambda c: _unit_url(largest_cluster(c)), user=cluster_lead)
bench.register_page(
    "collaborative", url=lambda c: _unit_url(largest_collaborative(c)), user=practitioner
)
# The largest collaborative's history: every role held in it is a line, so it grows with the
# collaborative (a cluster's own history is a few renamings, the same at any scale).
bench.register_page(
    "unit history",
    url=lambda c: _unit_url(largest_collaborative(c), "organisations:unit_history"),
    user=lambda c: holder(largest_collaborative(c).parent, Role.CLUSTER_LEAD),
)
bench.register_page(
    "account",
    url=lambda c: reverse("account"),
    user=practitioner,
    does_not_grow="a form with one question, the person's language",
)
bench.register_page(
    "import",
    url=lambda c: reverse("organisations:import"),
    user=administrator,
    does_not_grow="a blank upload form and the guide to its columns",
)
bench.register_page(
    "sign-in activity",
    url=lambda c: reverse("organisations:sign_in_activity"),
    user=administrator,
)


# --- The other pages: forms, and pages reached signed out -------------------------------------

ANONYMOUS = None  # bench pages with no viewer are timed signed out


def membership_to_end(context: BenchContext):
    """A practitioner's role in the largest cluster, which its cluster lead may end."""
    from arloesi.organisations.models import Membership

    return context.pick(
        "organisations.membership_to_end",
        lambda: (
            Membership.objects.filter(
                unit__parent=largest_cluster(context),
                role=Role.PRACTITIONER,
                ended_at__isnull=True,
            )
            .order_by("pk")
            .first()
        ),
    )


def recorded_change(context: BenchContext):
    """The first recorded change to a field of the largest cluster's first role (for the
    administrator's page that removes a value)."""
    from arloesi.core.models import AuditEvent

    return context.pick(
        "organisations.recorded_change",
        lambda: AuditEvent.objects.filter(changes__has_key="role").order_by("pk").first(),
    )


def _signed_out(name: str, route: str, reason: str) -> None:
    bench.register_page(name, url=lambda c: reverse(route), user=lambda c: ANONYMOUS,
                        does_not_grow=reason)  # fmt: skip


_signed_out("sign in", "sign_in", "a form with two questions")
_signed_out("password reset", "password_reset", "a form with one question")
_signed_out("password reset sent", "password_reset_sent", "a sentence saying what happens next")
_signed_out(
    "no account for an organisation's account",
    "organisation_sign_in_refused",
    "a few sentences saying who to ask for an invitation",
)
for _name, _route in (("accessibility", "accessibility"), ("privacy", "privacy"),
                      ("cookies", "cookies")):  # fmt: skip
    bench.register_page(
        _name, url=lambda c, r=_route: reverse(r), user=practitioner,
        does_not_grow="a page of fixed text",
    )  # fmt: skip
bench.register_page(
    "invite",
    url=lambda c: _unit_url(largest_collaborative(c), "organisations:invite"),
    user=lambda c: holder(largest_collaborative(c).parent, Role.CLUSTER_LEAD),
    does_not_grow="a form: name, e-mail address, the roles the inviter may give, language",
)
bench.register_page(
    "end a role",
    url=lambda c: reverse(
        "organisations:membership_end", kwargs={"membership_id": membership_to_end(c).pk}
    ),
    user=cluster_lead,
    does_not_grow="a question about one person's role",
)


def _linked_membership(context):
    """The role to end, its person signing in with their organisation's account (linked once,
    for the page that removes the link)."""

    def link():
        membership = membership_to_end(context)
        OrganisationAccount.objects.get_or_create(
            person_id=membership.person_id,
            issuer="https://login.example/v2.0",
            defaults={"subject": f"bench-{membership.person_id}"},
        )
        return membership

    return context.pick("organisations.linked_membership", link)


bench.register_page(
    "remove the link to an organisation account",
    url=lambda c: reverse(
        "organisations:organisation_account_unlink",
        kwargs={"membership_id": _linked_membership(c).pk},
    ),
    user=cluster_lead,
    does_not_grow="a question about one person's link",
)
bench.register_page(
    "remove a recorded value",
    url=lambda c: reverse(
        "history_redact", kwargs={"event_id": recorded_change(c).pk, "field": "role"}
    ),
    user=administrator,
    does_not_grow="a form asking why one value is removed",
)
