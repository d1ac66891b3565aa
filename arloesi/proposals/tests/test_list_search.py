"""The proposals list searched and filtered: words (ranked by the search index), status, health
board, cluster, local priority, kind of innovation and dates — within what the reader may see."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import (
    ClusterFactory,
    CollaborativeFactory,
    health_board,
    person_with_role,
)
from arloesi.proposals import selectors
from arloesi.proposals.forms.listing import ProposalListForm
from arloesi.proposals.tests.factories import draft, setting, under_review

pytestmark = pytest.mark.django_db

LIST = reverse("proposals:list")


def _titles(user, **query) -> list[str]:
    options = selectors.proposal_list_options(health_board=str(query.get("health_board", "")))
    form = ProposalListForm({k: str(v) for k, v in query.items()}, options=options)
    filters = selectors.ListFilters.from_data(form.chosen(), options)
    page = selectors.proposal_list_page(user=user, filters=filters, number=1)
    return [proposal.title for proposal in page.rows]


def test_words_narrow_the_list_best_match_first():
    s = setting()
    draft(s, title="Flu vaccination reminders")
    draft(s, title="Eye checks at the flu clinic")
    draft(s, title="Social prescribing for loneliness")
    assert _titles(s.author, q="eye checks flu") == [
        "Eye checks at the flu clinic",
        "Flu vaccination reminders",
    ]
    assert _titles(s.author, q="loneliness") == ["Social prescribing for loneliness"]
    assert _titles(s.author, q="dentistry") == []
    # Without words: newest first, as before.
    assert _titles(s.author)[0] == "Social prescribing for loneliness"
    # Only stop words: nothing to search for, so the whole list.
    assert len(_titles(s.author, q="the and")) == 3


def test_another_health_boards_proposals_never_appear_even_when_the_words_match():
    here = setting()
    powys = setting(
        CollaborativeFactory(parent=ClusterFactory(parent__parent=health_board("PTHB")))
    )
    under_review(here, title="Eye checks in the valleys")
    under_review(powys, title="Eye checks in Powys")
    draft(powys, title="Eye checks draft in Powys")
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board())
    assert _titles(officer, q="eye checks") == ["Eye checks in the valleys"]
    assert _titles(officer, q="powys") == []
    # The author sees their own drafts only, not the other board's.
    assert _titles(here.author, q="eye checks powys") == ["Eye checks in the valleys"]
    assert _titles(powys.author, q="valleys") == []


def test_the_filters_combine():
    s = setting()
    elsewhere = setting(CollaborativeFactory(parent=ClusterFactory(parent=s.planning_group)))
    officer = person_with_role(Role.HEALTH_BOARD_OFFICER, health_board())
    under_review(s, title="Eye checks at the flu clinic")
    under_review(elsewhere, title="Eye checks for technology", innovation_type="technology")
    draft(s, title="Eye checks still a draft", innovation_type="service")
    board = str(health_board().pk)
    assert _titles(officer, q="eye", innovation="service") == ["Eye checks at the flu clinic"]
    assert _titles(officer, q="eye", health_board=board, cluster=str(elsewhere.cluster.pk)) == [
        "Eye checks for technology"
    ]
    assert _titles(officer, status="under_review", innovation="technology") == [
        "Eye checks for technology"
    ]
    priority = str(s.priority.pk)
    # Each setting agreed its own priority.
    assert _titles(officer, health_board=board, priority=priority) == [
        "Eye checks at the flu clinic"
    ]
    today = timezone.localdate()
    assert set(_titles(s.author, date_from=today.isoformat())) == {
        "Eye checks at the flu clinic"
    }  # a draft has not been submitted
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    assert _titles(officer, date_from=tomorrow) == []
    assert _titles(officer, dates_of="decided", date_to=today.isoformat()) == []


def test_a_cluster_of_another_board_or_an_unknown_value_is_left_out():
    s = setting()
    draft(s, title="Eye checks")
    everything = _titles(s.author)
    assert _titles(s.author, cluster=str(s.cluster.pk)) == everything  # no board chosen
    assert _titles(s.author, innovation="<b>", status="nope", health_board="x") == everything


@pytest.mark.parametrize(
    "query",
    [
        {"q": "eye " * 25_000},
        {"q": "\x00\x01"},
        {"q": '"eye" OR NEAR(* AND -'},
        {"status": "nonsense", "innovation": "nope", "dates_of": "x"},
        {"health_board": "99999999999999999999", "cluster": "-1", "priority": "1e309"},
        {"date_from": "2026-02-31", "date_to": "31/13/2026"},
        {"date_from": "2026-03-02", "date_to": "2026-03-01"},
        {"page": "99999999999", "q": "eye"},
    ],
)
def test_bad_input_gives_a_normal_page(client, query):
    s = setting()
    draft(s, title="Eye checks")
    client.force_login(s.author)
    response = client.get(LIST, query)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Proposals" in response.content.decode()


def test_the_page_keeps_the_filters_in_its_links(client, monkeypatch):
    monkeypatch.setattr("arloesi.proposals.selectors.writing.listing.PAGE_SIZE", 1)
    s = setting()
    draft(s, title="Eye checks one")
    draft(s, title="Eye checks two")
    client.force_login(s.author)
    html = client.get(LIST, {"q": "eye checks", "innovation": ""}).content.decode()
    assert "2 proposals match, best match first" in html
    assert "page=2&amp;q=eye+checks" in html or "q=eye+checks&amp;innovation=&amp;page=2" in html
    assert 'value="eye checks"' in html
    assert f'href="{LIST}">Clear the filters' in html
    second = client.get(LIST, {"q": "eye checks", "page": "2"}).content.decode()
    assert second.count("Eye checks") == 1
    # Without filters there is nothing to clear.
    assert "Clear the filters" not in client.get(LIST).content.decode()


def test_a_bad_date_is_shown_as_an_error(client):
    s = setting()
    client.force_login(s.author)
    html = client.get(LIST, {"date_from": "31/02/2026"}).content.decode()
    assert "There is a problem" in html
    assert "Enter a real date" in html


def test_the_number_of_queries_does_not_grow_with_the_matches(client):
    s = setting()
    client.force_login(s.author)
    draft(s, title="Eye checks one")
    client.get(LIST, {"q": "eye"})  # warm (session, caches)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST, {"q": "eye", "status": "draft"})
    for number in range(5):
        draft(s, title=f"Eye checks {number}")
    with CaptureQueriesContext(connection) as many:
        client.get(LIST, {"q": "eye", "status": "draft"})
    assert len(many) == len(few)
