"""Every page timed by ``make bench`` makes the same number of SQL queries with much more data,
and shows more of it: a page that makes one more query for each row it shows (an N+1) gets
slower as Wales fills up, and only a page that shows more rows can reveal one.

The pages are the ones the apps register for the benchmark (each app's ``sampledata/bench.py``),
so a new page is covered by registering it: the same address, viewed by the same person, with
the data of the same generators, at two scales, each built once for the whole session. A page
that shows nothing that grows with the data (a blank form) says so in its registration
(``does_not_grow="why"``), and then only its query count is compared.

"Shows more" is measured in ``<main>``: more HTML elements (rows, list items, paragraphs), or
more words (names joined in one sentence). Numbers growing from 9 to 12 are neither. An API
answer (JSON, asked with the page's own token) is measured alike: its objects and lists, and the
words of its texts.
"""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from arloesi.core import bench
from tests.overrides import TEST_SETTINGS

# The smaller data set is under one page of every paginated list (25 proposals, 50 people), so
# that the larger one shows more rows even where the page stops.
SMALL_SCALE = 0.01
LARGE_SCALE = 0.2

# One worker sees every page (the data of both scales is built once, in the session fixture
# ``seen``), not each worker again: ``make test`` distributes by group (``--dist loadgroup``).
# The number of queries a page makes is the code's: counted here on SQLite, and by
# `arloesi bench` on PostgreSQL at two scales (conftest.py).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.xdist_group("bench-data"),
    pytest.mark.one_database,
]

bench.discover()
PAGES = [page for page in bench.pages() if page.name != bench.BASELINE]


@dataclass(frozen=True)
class Seen:
    """One page at one scale."""

    url: str
    status: int
    queries: list[str]
    elements: int  # HTML elements in <main>
    words: int  # words of text in <main>
    error: str = ""  # what went wrong choosing or opening the page

    def size(self) -> str:
        return f"{self.elements} elements and {self.words} words in <main>"


class _Main(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.elements = 0
        self.words = 0

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif self.depth:
            self.elements += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.words += len(re.findall(r"[^\W\d_]+", data))


def _json_size(value) -> tuple[int, int]:
    """An API answer's size, as ``<main>``'s is counted: each object and list an element, the
    words of its texts."""
    if isinstance(value, dict | list):
        items = value.values() if isinstance(value, dict) else value
        sizes = [_json_size(item) for item in items]
        return 1 + sum(e for e, _w in sizes), sum(w for _e, w in sizes)
    if isinstance(value, str):
        return 0, len(re.findall(r"[^\W\d_]+", value))
    return 0, 0


def _see(client: Client, page: bench.Page, context: bench.BenchContext) -> Seen:
    url, user = bench.page_target(page, context)
    headers = bench.page_headers(page, context)
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    # As on a running server, one-off lookups (content types, the session) are already cached.
    client.get(url, **headers)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    main = _Main()
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        main.feed(response.content.decode())
    elif content_type.startswith("application/json"):
        main.elements, main.words = _json_size(json.loads(response.content))
    return Seen(
        url,
        response.status_code,
        [query["sql"] for query in queries],
        main.elements,
        main.words,
    )


@pytest.fixture(scope="session")
def seen(django_db_setup, django_db_blocker) -> dict[str, dict[float, Seen]]:
    """Every registered page at both scales: each data set generated once, in a transaction
    rolled back once its pages are seen."""
    seen: dict[str, dict[float, Seen]] = {page.name: {} for page in PAGES}
    with django_db_blocker.unblock(), override_settings(**TEST_SETTINGS):
        for scale in (SMALL_SCALE, LARGE_SCALE):
            with transaction.atomic():
                context = bench.generate(scale=scale)
                client = Client()
                for page in PAGES:
                    try:
                        seen[page.name][scale] = _see(client, page, context)
                    except Exception as error:  # noqa: BLE001 - reported by the page's own test
                        seen[page.name][scale] = Seen("", 0, [], 0, 0, error=repr(error))
                transaction.set_rollback(True)
    return seen


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_the_page_shows_more_with_more_data_and_makes_the_same_queries(seen, page):
    small, large = seen[page.name][SMALL_SCALE], seen[page.name][LARGE_SCALE]
    assert not (small.error or large.error), small.error or large.error
    assert (small.status, large.status) == (200, 200), (small.url, large.url)
    if not page.does_not_grow:
        assert large.elements > small.elements or large.words > small.words, (
            f"{page.name} shows no more with more data ({small.size()} at scale "
            f"{SMALL_SCALE:g}, {large.size()} at {LARGE_SCALE:g}), so its query count proves "
            "nothing: pick a busier object in its bench registration, or say why it does not "
            "grow (does_not_grow=...)"
        )
    assert len(large.queries) == len(small.queries), (
        f"{page.name}: {len(small.queries)} queries at scale {SMALL_SCALE:g} but "
        f"{len(large.queries)} at {LARGE_SCALE:g}: something is fetched once per row.\n"
        + "\n".join(large.queries)
    )


# Addresses that are not pages: a file to save, a fragment or a button's POST, a health probe,
# and two pages reached only from a secret link e-mailed to one person (their forms are in the
# access walk and the fuzz).
NOT_PAGES = {
    "healthz": "a probe for load balancers",
    "invitation_accept": "reached only from a secret link in an invitation e-mail",
    "password_reset_confirm": "reached only from a secret link in a reset e-mail",
    "proposals:attachment_download": "a file to save",
    "proposals:pitch_pack": "a PDF to save",
    "proposals:queue_export": "a spreadsheet to save",
    "proposals:decisions_export": "a spreadsheet to save",
    "organisations:sign_in_activity_export": "a spreadsheet to save",
    "projects:schedule_export": "a PDF, spreadsheet or calendar to save",
    "projects:schedule_home": "a redirect to the person's own unit's schedule",
    "projects:dashboard_home": "a redirect to the person's own unit's dashboard",
    "proposals:pitch_count": "a fragment the pitch form posts as it is typed",
    "sign_out": "a button's POST",
    "organisation_sign_in": "a button's POST",
    "organisation_sign_in_callback": "where the organisation's sign-in service sends the "
    "browser back, with a one-time code",
    "organisations:invitation_revoke": "a button's POST",
    "proposals:attachment_remove": "a button's POST",
    "proposals:author_remove": "a button's POST",
    "proposals:co_author_invitation_answer": "a button's POST",
    "proposals:co_author_invitation_withdraw": "a button's POST",
    "proposals:need_remove": "a button's POST",
    "proposals:sponsor_remove": "a button's POST",
    "diagrams:order": "an editor button's POST",
    "diagrams:node_add": "an editor button's POST",
    "diagrams:node_move": "an editor button's POST",
    "diagrams:node_delete": "an editor button's POST",
    "diagrams:node_restore": "an editor button's POST",
    "diagrams:link_change": "an editor button's POST",
    "projects:milestone_done": "a button's POST",
    "projects:milestone_remove": "a button's POST",
    "projects:condition_reopen": "a button's POST",
    "measures:annotation_remove": "a button's POST",
    "risks:export": "a spreadsheet to save",
    "risks:escalate": "a button's POST",
    "risks:action_done": "a button's POST",
    "delivery:task_remove": "a button's POST",
    "delivery:declaration_remove": "a button's POST",
    "delivery:absence_remove": "a button's POST",
    "delivery:offer_withdraw": "a button's POST",
    "delivery:unaddressed_export": "a spreadsheet or PDF to save",
    "evaluation:report_issue": "a button's POST",
    "evaluation:dashboard_home": "a redirect to the person's own unit's outcomes dashboard",
    "evaluation:dashboard_export": "a spreadsheet to save",
    "evaluation:dashboard_pdf": "a PDF to save",
    "learning:record_submit": "a button's POST",
    "learning:record_approve": "a button's POST",
    "learning:resource_move": "a button's POST",
    "learning:resource_publish": "a button's POST",
    "api:token_revoke": "a button's POST",
    "api-v1:api-root": "the API's root: nothing is there (its operations are below it)",
    "api-v1:openapi-json": "the API's description, made from its code (the documentation page)",
    "api-v1:proposal_create": "a write of the API, at the address of the proposals' list",
    "api-v1:proposal_update": "a write of the API, at the address of a proposal",
    "api-v1:milestone_add": "a write of the API, at the address of a project's milestones",
    "api-v1:cycle_plan": "a write of the API, at the address of a project's cycles",
    "api-v1:data_upsert": "a write of the API, at the address of a measure's data",
    "api-v1:data_batch": "a write of the API: many measures' series (timed whole by make bench)",
}


def test_every_page_of_every_app_is_timed_and_query_counted(seen):
    """A page nobody registered would escape both the benchmark and this test: every URL of the
    site must be a registered page (``register_page``) or be listed above with its reason."""
    from django.urls import resolve
    from django.utils import translation

    from tests.walks.world import URL_NAMES

    def url_name(url: str) -> str:
        path = url.split("?")[0]
        with translation.override(path.split("/")[1]):
            return resolve(path).view_name

    timed = {
        url_name(seen[p.name][SMALL_SCALE].url) for p in PAGES if seen[p.name][SMALL_SCALE].url
    }
    missing = sorted(set(URL_NAMES) - timed - set(NOT_PAGES))
    assert missing == [], f"Pages no app registers for the benchmark: {missing}"
    assert not (timed & set(NOT_PAGES)), "A registered page is also listed as not a page"
