"""Who sees which proposal (the rules are written out in selectors.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from arloesi.organisations.roles import Role
from arloesi.organisations.services import unit_update
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    PersonFactory,
    health_board,
    person_with_role,
)
from arloesi.proposals import selectors, services
from arloesi.proposals.tests.factories import (
    accepted_co_author,
    complete_draft,
    draft,
    setting,
    under_review,
)
from arloesi.proposals.workflow import Status

pytestmark = pytest.mark.django_db


def sees(person, proposal) -> bool:
    return selectors.proposal_list_for(user=person).filter(pk=proposal.pk).exists()


def test_authors_and_their_collaborative_see_the_draft_and_nobody_else_does():
    s = setting()
    proposal = draft(s)
    co_author = PersonFactory()
    accepted_co_author(proposal, co_author, invited_by=s.author)
    assert sees(s.author, proposal)
    assert sees(co_author, proposal)
    assert sees(person_with_role(Role.PRACTITIONER, s.collaborative), proposal)
    assert sees(person_with_role(Role.CLUSTER_LEAD, s.cluster), proposal)
    # Not yet submitted: the planning group does not see it.
    assert not sees(s.chair, proposal)
    assert not sees(s.reviewers[0], proposal)
    # Another collaborative in the same cluster, another cluster, another board: nothing.
    neighbour = CollaborativeFactory(parent=s.cluster)
    assert not sees(person_with_role(Role.PRACTITIONER, neighbour), proposal)
    other_cluster = ClusterFactory(parent=s.planning_group)
    assert not sees(person_with_role(Role.CLUSTER_LEAD, other_cluster), proposal)
    assert not sees(person_with_role(Role.HEALTH_BOARD_OFFICER, health_board("PTHB")), proposal)
    assert not sees(AnonymousUser(), proposal)


def test_a_cross_boundary_proposal_is_seen_by_each_sponsoring_collaborative():
    s = setting()
    proposal = draft(s)
    elsewhere = CollaborativeFactory(parent=ClusterFactory(parent=s.planning_group))
    pharmacist = person_with_role(Role.PRACTITIONER, elsewhere)
    assert not sees(pharmacist, proposal)
    services.sponsor_add(actor=s.author, proposal=proposal, collaborative=elsewhere)
    assert sees(pharmacist, proposal)
    assert proposal.is_cross_boundary


def test_once_submitted_the_chair_and_the_boards_officers_see_it():
    s = setting()
    proposal = under_review(s, title="Submitted")
    assert sees(s.chair, proposal)
    assert sees(person_with_role(Role.HEALTH_BOARD_OFFICER, s.planning_group.parent), proposal)
    assert not sees(setting().chair, proposal)


def test_reviewers_see_only_what_is_assigned_to_them_in_their_planning_group():
    s = setting(reviewers=1)
    assigned = under_review(s, title="Assigned")
    not_assigned = services.proposal_submit(actor=s.author, proposal=complete_draft(s))
    member = s.reviewers[0]
    assert sees(member, assigned)
    assert not sees(member, not_assigned)
    assert [a.proposal for a in selectors.assignment_list_for(user=member)] == [assigned]
    # Leaving the planning group ends the access, the assignment notwithstanding.
    member.memberships.update(ended_at="2026-01-01T00:00:00Z")
    member = type(member).objects.get(pk=member.pk)
    assert not sees(member, assigned)


def test_other_clusters_see_a_proposal_once_its_decision_is_published():
    s = setting()
    proposal = under_review(s)
    far_away = person_with_role(Role.PRACTITIONER, CollaborativeFactory())
    assert not sees(far_away, proposal)
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.DEFERRED, rationale="Later"
    )
    assert not sees(far_away, proposal)
    services.proposal_reopen(actor=s.chair, proposal=proposal)
    services.decision_record(
        actor=s.chair, proposal=proposal, outcome=Status.APPROVED, rationale="Good"
    )
    assert sees(far_away, proposal)
    # Published does not mean public: a person with no role sees nothing.
    assert not sees(PersonFactory(), proposal)
    assert not sees(AnonymousUser(), proposal)


def test_a_withdrawn_draft_stays_with_its_authors():
    s = setting()
    proposal = draft(s)
    services.proposal_withdraw(actor=s.author, proposal=proposal)
    assert sees(s.author, proposal)
    assert not sees(person_with_role(Role.PRACTITIONER, CollaborativeFactory()), proposal)


def test_out_of_scope_ids_answer_404():
    s = setting()
    proposal = draft(s)
    outsider = person_with_role(Role.CLUSTER_LEAD, ClusterFactory())
    with pytest.raises(Http404):
        selectors.proposal_get_for_user(user=outsider, proposal_id=proposal.pk)
    assert selectors.proposal_get_for_user(user=s.author, proposal_id=proposal.pk) == proposal


def test_the_list_needs_a_fixed_number_of_queries(django_assert_max_num_queries):
    s = setting()
    for n in range(5):
        draft(s, title=f"Idea {n}")
    with django_assert_max_num_queries(3):
        titles = [p.planning_group.name for p in selectors.proposal_list_for(user=s.author)]
    assert len(titles) == 5


def test_access_tells_the_author_and_the_chair_what_they_may_do():
    s = setting()
    proposal = under_review(s)
    author = selectors.proposal_access(user=s.author, proposal=proposal)
    assert (author.is_author, author.can_edit, author.can_withdraw, author.can_decide) == (
        True,
        False,
        True,
        False,
    )
    chair = selectors.proposal_access(user=s.chair, proposal=proposal)
    assert (chair.can_decide, chair.can_see_reviews, chair.is_author) == (True, True, False)
    reviewer = selectors.proposal_access(user=s.reviewers[0], proposal=proposal)
    assert reviewer.assignment is not None
    assert not reviewer.can_see_reviews


def test_a_collaborative_that_moves_cluster_keeps_sight_of_its_proposals():
    s = setting()
    proposal = draft(s)
    unit_update(actor=None, unit=s.collaborative, parent=ClusterFactory(parent=s.planning_group))
    author = type(s.author).objects.get(pk=s.author.pk)
    assert sees(person_with_role(Role.PRACTITIONER, s.collaborative), proposal)
    assert sees(author, proposal)
