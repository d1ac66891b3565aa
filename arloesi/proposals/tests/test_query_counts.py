"""The proposal pages make the same number of SQL queries however many proposals there are: a
page that makes one more query for each row it shows (an N+1) gets slower as Wales fills up.

The data comes from the benchmark generators (organisations and proposals ``bench.py``) and each
page is viewed by the person the benchmark views it as, so these tests and ``make bench`` agree.
"""

import random

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from arloesi.core import bench
from arloesi.organisations.sampledata import bench as organisations_bench
from arloesi.proposals.sampledata import bench as proposals_bench

pytestmark = pytest.mark.django_db

SMALL_SCALE = 0.05
LARGE_SCALE = 0.2  # four times the proposals, reviews and decisions

PAGES = ["proposal list", "review queue", "proposal", "review"]


def generate(scale: float) -> bench.BenchContext:
    context = bench.BenchContext(scale=scale)
    rng = random.Random(bench.SEED)
    context.counts["organisations"] = organisations_bench.organisations_generate(
        scale=scale, rng=rng
    )
    context.counts["proposals"] = proposals_bench.proposals_generate(scale=scale, rng=rng)
    return context


def page_queries(client, page_name: str, context: bench.BenchContext) -> int:
    url, user = bench.page_target(bench.page_get(page_name), context)
    client.force_login(user)
    # As on a running server, one-off lookups (content types, the session) are already cached.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("page_name", PAGES)
def test_page_makes_the_same_queries_with_four_times_the_proposals(client, page_name):
    with transaction.atomic():
        small = generate(SMALL_SCALE)
        queries_small = page_queries(client, page_name, small)
        transaction.set_rollback(True)

    large = generate(LARGE_SCALE)
    assert large.counts["proposals"]["proposals"] > 3 * small.counts["proposals"]["proposals"]
    queries_large = page_queries(client, page_name, large)
    assert queries_large == queries_small, (
        f"{page_name}: {queries_small} queries with scale {SMALL_SCALE} data but "
        f"{queries_large} with scale {LARGE_SCALE}: something is fetched once per row"
    )
