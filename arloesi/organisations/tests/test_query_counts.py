"""Each page makes the same number of SQL queries however much data it shows: a page that makes
one more query for each row it lists (an N+1) gets slower as Wales fills up.

The data comes from the benchmark generator (organisations/sampledata/bench/) and each page is
viewed by the person the benchmark views it as, so these tests and ``make bench`` agree.
"""

import random

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from arloesi.core import bench
from arloesi.organisations import selectors, services
from arloesi.organisations.models import Membership, OrganisationUnit
from arloesi.organisations.roles import Kind, Role
from arloesi.organisations.sampledata import bench as organisations_bench

pytestmark = pytest.mark.django_db

SMALL_SCALE = 0.1
LARGE_SCALE = 0.3  # three times the people, units, invitations and history

PAGES = [
    "home",
    "organisations directory",
    "health board",
    "planning group",
    "cluster",
    "collaborative",
    "unit history",
    "account",
    "import",
]
# Pages whose lists must really be longer with the larger data, or the comparison proves nothing.
# (The directory always lists the 7 health boards; the account and import pages list nothing.)
LISTING_PAGES = {
    "home",
    "health board",
    "planning group",
    "cluster",
    "collaborative",
    "unit history",
}


def generate(scale: float) -> bench.BenchContext:
    context = bench.BenchContext(scale=scale)
    context.counts["organisations"] = organisations_bench.organisations_generate(
        scale=scale, rng=random.Random(2026)
    )
    return context


def give_the_cluster_lead_more(context: bench.BenchContext) -> None:
    """The generator gives each cluster lead one cluster and each unit a few changes; the larger
    data set gives the lead of the largest cluster three more clusters (more roles on the home
    page, more invitations needing attention) and that cluster more recorded changes."""
    lead = organisations_bench.cluster_lead(context)
    cluster = organisations_bench.largest_cluster(context)
    administrator = organisations_bench.administrator(context)
    others = OrganisationUnit.objects.filter(kind=Kind.CLUSTER).exclude(pk=cluster.pk)
    for other in others.order_by("pk")[:3]:
        services.membership_grant(
            actor=administrator, person=lead, unit=other, role=Role.CLUSTER_LEAD
        )
    for alias in ["NCN 1", "NCN 2", "NCN 3", "NCN 4"]:
        services.unit_update(actor=administrator, unit=cluster, local_alias=alias)


def page_queries(client, page_name: str, context: bench.BenchContext) -> tuple[int, int]:
    """The number of queries the page makes, and the number of rows and list items it shows."""
    url, user = bench.page_target(bench.page_get(page_name), context)
    client.force_login(user)
    # As on a running server, one-off lookups (content types, the session) are already cached.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.count(b"<tr") + response.content.count(b"<li")


def test_the_timed_pages_are_the_ones_checked_here():
    registered = [page.name for page in bench.pages()]
    assert [name for name in registered if name in PAGES] == PAGES


@pytest.mark.parametrize("page_name", PAGES)
def test_page_makes_the_same_queries_with_three_times_the_data(client, page_name, monkeypatch):
    # Long pages so that both sizes fit on one page: a query per row would show in the count.
    monkeypatch.setattr(selectors, "PEOPLE_PER_PAGE", 10_000)
    with transaction.atomic():
        queries_small, rows_small = page_queries(client, page_name, generate(SMALL_SCALE))
        transaction.set_rollback(True)
    assert not Membership.objects.exists()

    context = generate(LARGE_SCALE)
    give_the_cluster_lead_more(context)
    queries_large, rows_large = page_queries(client, page_name, context)

    if page_name in LISTING_PAGES:
        assert rows_large > rows_small, "the larger data should show longer lists on this page"
    assert queries_large == queries_small, (
        f"{page_name}: {queries_small} queries with scale {SMALL_SCALE} data but "
        f"{queries_large} with scale {LARGE_SCALE}: something is fetched once per row"
    )
