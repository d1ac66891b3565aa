"""The organisations generator: all of Wales at scale 1 (see the package's docstring)."""

import hashlib
import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation

from arloesi.core import bench
from arloesi.core.models import AuditEvent
from arloesi.organisations.models import Invitation, Membership, OrganisationUnit, Person
from arloesi.organisations.reference import HEALTH_BOARDS
from arloesi.organisations.roles import Kind, Profession, Role
from arloesi.organisations.sampledata.sign_in_activity import sign_in_activity_generate

PLANNING_GROUPS = 22
PEOPLE = 3000
PLANNING_GROUP_MEMBERS = 4  # besides the chair
HEALTH_BOARD_OFFICERS = 2  # in each health board
NATIONAL_TEAM = 5
ADMINISTRATORS = 3
# Seven collaboratives in each cluster, one for each profession.
COLLABORATIVE_PROFESSIONS = [p for p in Profession if p != Profession.OTHER]
SECOND_COLLABORATIVE_SHARE = 0.1  # practitioners who also work in a second collaborative
ENDED_SHARE = 0.05  # practitioner roles that have ended
WELSH_SPEAKER_SHARE = 0.2
BATCH_SIZE = 1000

FIRST_NAMES = [
    "Rhys", "Catrin", "Owain", "Siân", "Gareth", "Elin", "Dafydd", "Megan", "Tomos", "Ffion",
    "Iwan", "Nia", "Gwen", "Aled", "Carys", "Huw", "Lowri", "Emyr", "Bethan", "Geraint",
    "Sarah", "James", "Emma", "David", "Rachel", "Mark", "Laura", "Paul", "Hannah", "Chris",
]  # fmt: skip
LAST_NAMES = [
    "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
    "Griffiths", "Price", "Edwards", "Owen", "Jenkins", "Rees", "Powell", "Lloyd", "Parry",
    "Pritchard", "Phillips", "Bowen", "Vaughan", "Howells", "Prosser", "Pugh", "Llewellyn",
]  # fmt: skip
JOB_TITLES = [
    "GP partner", "Salaried GP", "Practice nurse", "Community pharmacist", "Optometrist",
    "Dentist", "District nurse", "Physiotherapist", "Social worker", "Practice manager",
]  # fmt: skip


def _share(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), summing to ``total``."""
    exact = [total * weight / sum(weights) for weight in weights]
    counts = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _scaled(count: float, scale: float) -> int:
    return max(1, round(count * scale))


def _units_create(units: list[OrganisationUnit]) -> list[OrganisationUnit]:
    """Insert units, then give each its real path (it needs the id the insert returned)."""
    OrganisationUnit.objects.bulk_create(units, batch_size=BATCH_SIZE)
    for unit in units:
        if unit.pk is None:
            raise RuntimeError("The database did not return the ids of the new units.")
        unit.path = unit.compute_path()
    OrganisationUnit.objects.bulk_update(units, ["path"], batch_size=BATCH_SIZE)
    return units


def _person(rng: random.Random, number: int, batch: int, password: str) -> Person:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return Person(
        email=f"{first}.{last}.{batch}.{number}@bench.arloesi.example".lower(),
        full_name=f"{first} {last}",
        preferred_language="cy" if rng.random() < WELSH_SPEAKER_SHARE else "en",
        job_title=rng.choice(JOB_TITLES),
        password=password,
        date_joined=timezone.now() - timedelta(days=rng.randrange(1, 700)),
    )


@transaction.atomic
def organisations_generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    with translation.override("en"):
        return _generate(scale=scale, rng=rng)


def _generate(*, scale: float, rng: random.Random) -> dict[str, int]:
    now = timezone.now()
    # Each call is a new batch with its own codes and e-mail addresses, so calls can add up.
    batch = OrganisationUnit.objects.filter(code__startswith="BENCH").count()
    prefix = f"BENCH{batch}"
    boards = {unit.code: unit for unit in OrganisationUnit.objects.filter(kind=Kind.HEALTH_BOARD)}
    wales = OrganisationUnit.objects.get(kind=Kind.WALES)

    # --- Planning groups, clusters, collaboratives -------------------------------------------
    cluster_counts = [count for *_, count in HEALTH_BOARDS]
    group_counts = _share(PLANNING_GROUPS, cluster_counts)
    groups_by_board: dict[str, list[OrganisationUnit]] = {}
    for (code, *_), groups in zip(HEALTH_BOARDS, group_counts, strict=True):
        groups_by_board[code] = [
            OrganisationUnit(
                kind=Kind.PLANNING_GROUP,
                parent=boards[code],
                code=f"{prefix}-{code}-PG{i}",
                name_en=f"{code} pan-cluster planning group {batch}.{i}",
                name_cy=f"Grŵp cynllunio clwstwr {code} {batch}.{i}",
                path=f"/pending-{prefix}-{code}-PG{i}/",
            )
            for i in range(1, _scaled(groups, scale) + 1)
        ]
    planning_groups = _units_create([g for groups in groups_by_board.values() for g in groups])

    clusters = []
    for code, *_, count in HEALTH_BOARDS:
        groups = groups_by_board[code]
        for i in range(1, _scaled(count, scale) + 1):
            clusters.append(
                OrganisationUnit(
                    kind=Kind.CLUSTER,
                    parent=groups[(i - 1) % len(groups)],
                    code=f"{prefix}-{code}-CL{i}",
                    name_en=f"{code} cluster {batch}.{i}",
                    name_cy=f"Clwstwr {code} {batch}.{i}",
                    local_alias=rng.choice(["", "", "", "NCN", "LCC"]),
                    path=f"/pending-{prefix}-{code}-CL{i}/",
                )
            )
    _units_create(clusters)

    profession_cy = {}
    with translation.override("cy"):
        for profession in COLLABORATIVE_PROFESSIONS:
            profession_cy[profession] = str(profession.label)
    collaboratives = _units_create(
        [
            OrganisationUnit(
                kind=Kind.COLLABORATIVE,
                parent=cluster,
                profession=profession,
                code=f"{cluster.code}-{profession.value.upper()}",
                name_en=f"{cluster.name_en} {profession.label}",
                name_cy=f"{cluster.name_cy} {profession_cy[profession]}",
                path=f"/pending-{cluster.code}-{profession.value}/",
            )
            for cluster in clusters
            for profession in COLLABORATIVE_PROFESSIONS
        ]
    )
    by_cluster: dict[int, list[OrganisationUnit]] = {}
    for collaborative in collaboratives:
        by_cluster.setdefault(collaborative.parent_id, []).append(collaborative)

    # --- People and their roles --------------------------------------------------------------
    # Each unit's leading roles, then practitioners spread unevenly over the collaboratives.
    leading: list[tuple[OrganisationUnit, Role]] = [
        *((c, Role.COLLABORATIVE_LEAD) for c in collaboratives),
        *((c, Role.CLUSTER_LEAD) for c in clusters),
        *((g, Role.PLANNING_GROUP_CHAIR) for g in planning_groups),
        *(
            (g, Role.PLANNING_GROUP_MEMBER)
            for g in planning_groups
            for _ in range(PLANNING_GROUP_MEMBERS)
        ),
        *(
            (b, Role.HEALTH_BOARD_OFFICER)
            for b in boards.values()
            for _ in range(HEALTH_BOARD_OFFICERS)
        ),
        *((wales, Role.NATIONAL_TEAM) for _ in range(_scaled(NATIONAL_TEAM, scale))),
        *((wales, Role.ADMINISTRATOR) for _ in range(_scaled(ADMINISTRATORS, scale))),
    ]
    total_people = max(round(PEOPLE * scale), len(leading) + len(collaboratives))
    password = make_password("arloesi-bench-password")
    people = [_person(rng, number, batch, password) for number in range(total_people)]
    Person.objects.bulk_create(people, batch_size=BATCH_SIZE)

    memberships = [
        Membership(person=person, unit=unit, role=role, started_at=person.date_joined)
        for person, (unit, role) in zip(people, leading, strict=False)
    ]
    cluster_weight = {cluster.pk: rng.uniform(0.4, 1.6) for cluster in clusters}
    weights = [cluster_weight[c.parent_id] * rng.uniform(0.5, 1.5) for c in collaboratives]
    practitioners = people[len(leading) :]
    homes = rng.choices(collaboratives, weights=weights, k=len(practitioners))
    for person, home in zip(practitioners, homes, strict=True):
        units = [home]
        if rng.random() < SECOND_COLLABORATIVE_SHARE:
            units.append(rng.choice([c for c in by_cluster[home.parent_id] if c != home]))
        for unit in units:
            ended = rng.random() < ENDED_SHARE
            memberships.append(
                Membership(
                    person=person,
                    unit=unit,
                    role=Role.PRACTITIONER,
                    started_at=person.date_joined,
                    ended_at=now - timedelta(days=rng.randrange(1, 90)) if ended else None,
                )
            )
    Membership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)

    # --- Invitations waiting for a reply, and a few withdrawn ---------------------------------
    leads = {m.unit_id: m.person for m in memberships if m.role == Role.CLUSTER_LEAD}
    chairs = {m.unit_id: m.person for m in memberships if m.role == Role.PLANNING_GROUP_CHAIR}
    invitations = []
    invited = [
        *((rng.choice(by_cluster[c.pk]), Role.PRACTITIONER, leads[c.pk]) for c in clusters),
        *((rng.choice(by_cluster[c.pk]), Role.COLLABORATIVE_LEAD, leads[c.pk]) for c in clusters),
        *((g, Role.PLANNING_GROUP_MEMBER, chairs[g.pk]) for g in planning_groups),
    ]
    for number, (unit, role, inviter) in enumerate(invited):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        created = now - timedelta(days=rng.randrange(0, 20), minutes=rng.randrange(0, 600))
        invitations.append(
            Invitation(
                email=f"invited.{batch}.{number}@bench.arloesi.example",
                full_name=f"{first} {last}",
                unit=unit,
                role=role,
                language="cy" if rng.random() < WELSH_SPEAKER_SHARE else "en",
                invited_by=inviter,
                token_hash=hashlib.sha256(f"{prefix}-{number}".encode()).hexdigest(),
                status=Invitation.Status.REVOKED
                if rng.random() < 0.1
                else Invitation.Status.PENDING,
                created_at=created,
                expires_at=created + timedelta(days=14),
            )
        )
    Invitation.objects.bulk_create(invitations, batch_size=BATCH_SIZE)

    # --- History: each unit created and changed a few times, each role and invitation --------
    unit_type = ContentType.objects.get_for_model(OrganisationUnit, for_concrete_model=False)
    membership_type = ContentType.objects.get_for_model(Membership, for_concrete_model=False)
    invitation_type = ContentType.objects.get_for_model(Invitation, for_concrete_model=False)
    editors = [m.person for m in memberships if m.role == Role.ADMINISTRATOR] or people[:1]
    events = []
    for unit in [*planning_groups, *clusters, *collaboratives]:
        at = now - timedelta(days=rng.randrange(200, 400))
        events.append(
            {
                "at": at,
                "action": AuditEvent.Action.CREATED,
                "content_type_id": unit_type.pk,
                "object_id": str(unit.pk),
                "object_repr": unit.name_en,
                "changes": {
                    "kind": [None, unit.kind],
                    "code": [None, unit.code],
                    "name_en": [None, unit.name_en],
                    "name_cy": [None, unit.name_cy],
                    "parent": [None, unit.parent.name_en],
                },
            }
        )
        for _ in range(rng.randint(1, 4)):
            at += timedelta(days=rng.randrange(1, 60))
            events.append(
                {
                    "at": at,
                    "actor_id": rng.choice(editors).pk,
                    "action": AuditEvent.Action.UPDATED,
                    "content_type_id": unit_type.pk,
                    "object_id": str(unit.pk),
                    "object_repr": unit.name_en,
                    "changes": {"local_alias": ["", rng.choice(["NCN", "LCC", "Cwm", "Valleys"])]},
                }
            )
    for membership in memberships:
        events.append(
            {
                "at": membership.started_at,
                "action": AuditEvent.Action.CREATED,
                "content_type_id": membership_type.pk,
                "object_id": str(membership.pk),
                "object_repr": f"{membership.person} – {membership.role}"[:255],
                "changes": {
                    "role": [None, membership.role],
                    "unit": [None, membership.unit.name_en],
                },
            }
        )
    for invitation in invitations:
        events.append(
            {
                "at": invitation.created_at,
                "actor_id": invitation.invited_by.pk,
                "action": AuditEvent.Action.CREATED,
                "content_type_id": invitation_type.pk,
                "object_id": str(invitation.pk),
                "object_repr": f"{invitation.full_name} – {invitation.role}",
                "changes": {"email": [None, invitation.email], "role": [None, invitation.role]},
            }
        )
    # The largest table here, as plain rows (see bench.insert_rows).
    bench.insert_rows(AuditEvent, events)

    activity = sign_in_activity_generate(people=people, now=now)

    return {
        "planning groups": len(planning_groups),
        "clusters": len(clusters),
        "collaboratives": len(collaboratives),
        "people": len(people),
        "memberships": len(memberships),
        "invitations": len(invitations),
        "audit events": len(events),
        "sign-in activity": activity,
    }
