import pytest
from django.contrib.auth.models import AnonymousUser

from arloesi.core import permissions
from arloesi.organisations.models import Membership
from arloesi.organisations.roles import Perm, Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    PersonFactory,
    health_board,
    person_with_role,
)

pytestmark = pytest.mark.django_db


def test_nothing_is_allowed_by_default():
    cluster = ClusterFactory()
    assert not permissions.can(AnonymousUser(), Perm.VIEW_PEOPLE, cluster.path)
    assert not permissions.can(PersonFactory(), Perm.VIEW_PEOPLE, cluster.path)
    assert (
        permissions.scoped(
            Membership.objects.all(), PersonFactory(), Perm.VIEW_PEOPLE, "unit__path"
        ).count()
        == 0
    )


def test_a_role_at_a_health_board_reaches_the_clusters_under_it():
    cluster = ClusterFactory()
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board("CTMUHB"))
    assert permissions.can(officer, Perm.VIEW_PEOPLE, cluster.path)
    elsewhere = ClusterFactory(parent__parent=health_board("PTHB"))
    assert not permissions.can(officer, Perm.VIEW_PEOPLE, elsewhere.path)


def test_a_practitioner_sees_their_whole_cluster_but_not_the_next_one():
    collaborative = CollaborativeFactory()
    neighbour = CollaborativeFactory(parent=collaborative.parent)
    practitioner = person_with_role(Role.PRACTITIONER, collaborative)
    assert permissions.can(practitioner, Perm.VIEW_PEOPLE, neighbour.path)
    assert not permissions.can(practitioner, Perm.VIEW_PEOPLE, ClusterFactory().path)
    assert not permissions.can(practitioner, Perm.INVITE, collaborative.path)


def test_ended_memberships_give_nothing():
    collaborative = CollaborativeFactory()
    lead = person_with_role(Role.COLLABORATIVE_LEAD, collaborative)
    Membership.objects.filter(person=lead).update(ended_at="2026-01-01T00:00:00Z")
    lead = type(lead).objects.get(pk=lead.pk)
    assert not permissions.can(lead, Perm.INVITE, collaborative.path)


def test_sibling_paths_are_not_prefixes_of_each_other():
    # "/…/cl2/" must not reach "/…/cl20/".
    clusters = [ClusterFactory() for _ in range(12)]
    lead = person_with_role(Role.CLUSTER_LEAD, clusters[1])
    reached = [c for c in clusters if permissions.can(lead, Perm.VIEW_PEOPLE, c.path)]
    assert reached == [clusters[1]]


def test_get_for_user_answers_404_out_of_scope():
    from django.http import Http404

    collaborative = CollaborativeFactory()
    membership = person_with_role(Role.PRACTITIONER, collaborative).memberships.get()
    outsider = person_with_role(Role.CLUSTER_LEAD, ClusterFactory())
    with pytest.raises(Http404):
        permissions.get_for_user(
            Membership.objects.all(), outsider, Perm.END_MEMBERSHIP, "unit__path", pk=membership.pk
        )
