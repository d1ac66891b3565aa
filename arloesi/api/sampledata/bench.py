"""The API's answers and pages timed by ``make bench`` (and query-counted by
tests/test_query_counts.py): each list as a health board's officer, asked with their own token
(``Authorization``, a token for each page so that throttling never counts one page's requests
against another's), the busiest objects' answers as the people who work on them, the
documentation and the account's tokens page; and, timed whole, an information team's upload of
five years of weekly figures for 100 measures (26,000 points, one request per measure)."""

import json
import time
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from arloesi.api import services
from arloesi.api.vocabulary import Scope
from arloesi.core import bench
from arloesi.core.bench import BenchContext
from arloesi.learning.models import LearningRecord
from arloesi.learning.vocabulary import RecordStatus
from arloesi.measures.models import Measure
from arloesi.organisations.sampledata.bench import (
    health_board_officer,
    largest_health_board,
    practitioner,
)
from arloesi.projects.models import Project, ProjectTeamMember
from arloesi.proposals.models import Proposal
from arloesi.risks.models import RiskEntry


def _token_header(user):
    def headers(context: BenchContext) -> dict[str, str]:
        made = services.token_create(
            actor=user(context),
            name="Bench",
            expires_on=timezone.localdate() + timedelta(days=30),
            scope=Scope.READ,
        )
        return {"HTTP_AUTHORIZATION": f"Bearer {made.secret}"}

    return headers


def _measure(context: BenchContext) -> Measure:
    """The busiest measure (the measures generator's first: 260 weekly points)."""
    return context.pick(
        "api.measure",
        lambda: Measure.objects.select_related("node__diagram").order_by("pk").first(),
    )


def _project(context: BenchContext) -> Project:
    return context.pick(
        "api.project", lambda: Project.objects.get(pk=_measure(context).node.diagram.owner_id)
    )


def _lead(context: BenchContext):
    return (
        ProjectTeamMember.objects.filter(project=_project(context))
        .select_related("person")
        .order_by("-is_lead", "pk")
        .first()
        .person
    )


def _record(context: BenchContext) -> LearningRecord:
    return context.pick(
        "api.record",
        lambda: LearningRecord.objects.filter(status=RecordStatus.PUBLISHED).order_by("pk").first(),
    )


def _in_board(model, field: str):
    def first(context: BenchContext):
        board = largest_health_board(context)
        return (
            model.objects.filter(**{f"{field}__path__startswith": board.path})
            .order_by("pk")
            .first()
        )

    return first


_proposal = _in_board(Proposal, "lead_collaborative")
_risk = _in_board(RiskEntry, "unit")


def _api(name: str, url, user, does_not_grow: str = "") -> None:
    bench.register_page(
        f"API: {name}",
        url=url,
        user=user,
        does_not_grow=does_not_grow,
        headers=_token_header(user),
    )


def _to(route: str, key: str, pick):
    return lambda context: reverse(f"api-v1:{route}", kwargs={key: pick(context).pk})


def _list(route: str, query: str = ""):
    return lambda context: reverse(f"api-v1:{route}") + query


# Lists: one page of 50 at most, fuller with more data.
_api("collaboratives", _list("unit_list", "?kind=collaborative"), practitioner)
_api("proposals", _list("proposal_list"), health_board_officer)
_api("projects", _list("project_list"), health_board_officer)
_api("risks", _list("risk_list"), health_board_officer)
_api("learning records", _list("record_list"), practitioner)
_api("schedule", _list("schedule_page"), health_board_officer)
# One object each: the same at every scale.
for _name, _route, _key, _pick, _user, _why in [
    (
        "health board",
        "unit_detail",
        "unit_id",
        largest_health_board,
        practitioner,
        "a board's planning groups, as many at every scale",
    ),
    ("a proposal", "proposal_detail", "proposal_id", _proposal, health_board_officer, "one"),
    ("a project", "project_detail", "project_id", _project, _lead, "one project"),
    ("milestones", "milestone_list", "project_id", _project, _lead, "one project's"),
    ("PDSA cycles", "cycle_list", "project_id", _project, _lead, "one project's"),
    ("a project's measures", "project_measures", "project_id", _project, _lead, "one project's"),
    ("a measure", "measure_detail", "measure_id", _measure, _lead, "one measure"),
    ("a measure's data", "data_series", "measure_id", _measure, _lead, "260 weekly points"),
    ("a risk", "risk_detail", "entry_id", _risk, health_board_officer, "one entry"),
    ("a learning record", "record_detail", "record_id", _record, practitioner, "one record"),
]:
    _api(_name, _to(_route, _key, _pick), _user, _why)

bench.register_page(
    "API documentation",
    url=lambda context: reverse("api:docs"),
    user=practitioner,
    does_not_grow="the description of the API, made from its code",
)
bench.register_page(
    "API access tokens",
    url=lambda context: reverse("api:tokens"),
    user=practitioner,
    does_not_grow="a person's own few tokens and the form to make one",
)


def upload(context: BenchContext, *, measures: int = 100, weeks: int = 260) -> dict:
    """An information team sends ``weeks`` weekly figures for each of ``measures`` new measures
    of the busiest project in one request, with its lead's token (timed: ``seconds``); sends it
    all again, which changes nothing; and, for comparison, sends as many other measures' figures
    one request a measure. Only the requests are timed."""
    lead, template = _lead(context), _measure(context)
    now = timezone.now()
    made = Measure.objects.bulk_create(
        [
            Measure(
                node_id=template.node_id, kind="process", name=f"Practice figures {k + 1}",
                chart_type="xmr", rule_set="mdc", frequency="weekly", direction="up",
                operational_definition="Counted by the practice system", created_at=now,
                created_by=lead,
            )
            for k in range(2 * measures)
        ]
    )  # fmt: skip
    batch, singly = made[:measures], made[measures:]

    def client() -> Client:
        """A token of its own for each run of the upload, as each is throttled on its own."""
        secret = services.token_create(
            actor=lead,
            name="Information team",
            expires_on=timezone.localdate() + timedelta(days=30),
            scope=Scope.WRITE,
        ).secret
        return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")

    first = timezone.localdate() - timedelta(weeks=weeks)
    points = [
        {"period_start": (first + timedelta(weeks=k)).isoformat(), "value": 40 + k % 17}
        for k in range(weeks)
    ]
    body = json.dumps({"series": [{"measure_id": m.pk, "points": points} for m in batch]})

    def send(sender: Client, url: str, content: str, expect: str, count: int) -> None:
        answer = sender.put(url, content, content_type="application/json")
        if answer.status_code != 200 or answer.json()[expect] != count:
            raise RuntimeError(f"The upload to {url} answered {answer.status_code}")

    def timed(work) -> float:
        started = time.perf_counter()
        work()
        return round(time.perf_counter() - started, 3)

    url = reverse("api-v1:data_batch")
    one = json.dumps({"points": points})
    return {
        "seconds": timed(lambda: send(client(), url, body, "created", measures * weeks)),
        "requests": 1,
        "points": measures * weeks,
        "again_unchanged_seconds": timed(
            lambda: send(client(), url, body, "unchanged", measures * weeks)
        ),
        "one_request_per_measure_seconds": timed(
            lambda: [
                send(
                    sender,
                    reverse("api-v1:data_upsert", kwargs={"measure_id": m.pk}),
                    one,
                    "created",
                    weeks,
                )
                for sender in [client()]
                for m in singly
            ]
        ),  # fmt: skip
    }


bench.register_write(
    "API: upload 5 years of weekly data for 100 measures", run=upload, budget_s=2.0
)
