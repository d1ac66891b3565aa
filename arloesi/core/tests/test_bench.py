"""The benchmark harness holds each database to its own budgets, and its yardstick page is
served only to the benchmark, never by the site itself."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from arloesi.core import bench
from arloesi.core.bench import budgets
from arloesi.core.models import AuditEvent
from arloesi.organisations.tests.factories import PersonFactory


def test_the_harness_keeps_its_public_names():
    for name in (
        "register_generator",
        "register_page",
        "BenchContext",
        "pages",
        "page_get",
        "page_target",
        "generate",
        "discover",
        "SEED",
        "run",
        "worker",
    ):
        assert hasattr(bench, name), name


@pytest.mark.django_db
def test_the_site_does_not_serve_the_baseline_page(client):
    with pytest.raises(NoReverseMatch):
        reverse("baseline")
    client.force_login(PersonFactory())
    assert client.get("/en/baseline/").status_code == 404


@pytest.mark.django_db
def test_the_benchmark_serves_the_baseline_page_and_the_whole_site(client, settings):
    settings.ROOT_URLCONF = "arloesi.core.bench.urls"
    person = PersonFactory(preferred_language="en")
    client.force_login(person)
    assert reverse("baseline") == "/en/baseline/"
    assert client.get("/en/baseline/").status_code == 200
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/en/no-such-page/").status_code == 404


def test_each_database_has_its_own_speed_budget_at_each_scale():
    assert budgets.p95_budget("sqlite", 1) == 30
    assert budgets.p95_budget("postgresql", 1) == 50
    assert budgets.p95_budget("postgresql", 10) == 100
    # A tenth of Wales is measured for its queries only.
    assert budgets.p95_budget("sqlite", 0.1) is None
    assert budgets.p95_budget("postgresql", 0.1) is None


def _result(vendor: str, scale: float, p95: float, queries: int = 5) -> dict:
    page = {"status": 200, "p95_ms": p95, "queries": queries}
    return {"scale": scale, "database": {"vendor": vendor}, "pages": {"proposal list": page}}


def test_a_page_fast_enough_for_postgresql_can_be_too_slow_for_sqlite():
    problems, failures = budgets.check({"1": _result("postgresql", 1.0, 40)})
    assert failures == []
    problems, failures = budgets.check({"1": _result("sqlite", 1.0, 40)})
    assert problems[("proposal list", "1")] == ["p95"]
    assert failures == ["proposal list at scale 1: p95 40.0 ms is over the 30 ms budget on sqlite"]


def test_a_page_making_more_queries_with_more_data_fails_at_any_speed():
    problems, failures = budgets.check(
        {"0.1": _result("sqlite", 0.1, 90, queries=5), "1": _result("sqlite", 1.0, 9, queries=6)}
    )
    assert problems[("proposal list", "0.1")] == []
    assert problems[("proposal list", "1")] == ["queries"]
    assert len(failures) == 1


def test_a_timed_write_is_held_to_its_own_budget_where_pages_have_one():
    def timed(vendor: str, scale: float, seconds: float) -> dict:
        result = _result(vendor, scale, 5)
        result["writes"] = {"upload": {"seconds": seconds, "budget_s": 2.0}}
        return result

    assert budgets.check({"1": timed("sqlite", 1.0, 1.9)})[1] == []
    assert budgets.check({"1": timed("postgresql", 1.0, 2.5)})[1] == [
        "upload at scale 1: 2.50 s is over its 2 s budget on postgresql"
    ]
    # A tenth of Wales has no speed budget: the write is timed, not judged.
    assert budgets.check({"0.1": timed("sqlite", 0.1, 9)})[1] == []


def test_the_readme_lists_the_same_budgets_as_the_harness():
    readme = (Path(django_settings.REPO_DIR) / "bench" / "README.md").read_text(encoding="utf-8")
    names = {"SQLite": "sqlite", "PostgreSQL": "postgresql"}
    listed = {
        (names[database], float(scale)): float(budget)
        for database, scale, budget in re.findall(
            r"^\s*\| (SQLite|PostgreSQL) \| ([\d.]+) \| ([\d.]+) ms \|$", readme, re.MULTILINE
        )
    }
    assert listed == budgets.P95_BUDGETS_MS


@pytest.mark.django_db
def test_generators_write_plain_rows_as_the_orm_reads_them():
    person = PersonFactory()
    content_type = ContentType.objects.get_for_model(AuditEvent)
    at = datetime(2025, 4, 1, 9, 30, 15, 123456, tzinfo=UTC)
    rows = [
        {
            "at": at,
            "actor_id": person.pk if number % 2 else None,
            "action": AuditEvent.Action.UPDATED,
            "content_type_id": content_type.pk,
            "object_id": str(number),
            "object_repr": f"Clwstwr {number}",
            "changes": {"name_cy": ["", f"Clwstwr {number}"]},
        }
        for number in range(1200)  # more than one batch
    ]
    assert bench.insert_rows(AuditEvent, rows) == 1200
    events = list(AuditEvent.objects.order_by("object_id").filter(object_id__in=["1", "2"]))
    assert [(e.at, e.actor, e.changes, e.note) for e in events] == [
        (at, person, {"name_cy": ["", "Clwstwr 1"]}, ""),
        (at, None, {"name_cy": ["", "Clwstwr 2"]}, ""),
    ]
    assert AuditEvent.objects.filter(at=at).count() == 1200
