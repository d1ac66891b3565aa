"""Django Ninja against Django REST framework + drf-spectacular, on the same list endpoint
(ADR 0011): the clusters of Wales, 120 of them, read through the same selector
(``organisations.selectors.units_of_kind``), as JSON with an OpenAPI schema.

Run from the repository, with the two REST framework packages on the path (they are not
Arloesi's dependencies):

    pip install --target /tmp/drf-pkgs djangorestframework==3.18.3 drf-spectacular==0.30.0
    PYTHONPATH=$PWD:/tmp/drf-pkgs ARLOESI_DEMO=1 .venv/bin/pytest -n 0 -s bench/api_frameworks.py

It prints, for each: the median and p95 time of a request through the whole middleware stack,
the number of queries, the lines of code of the endpoint (schema + view), and the time to make
the OpenAPI document.
"""

import inspect
import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path

# --- Django Ninja --------------------------------------------------------------------------
from ninja import NinjaAPI, Schema  # noqa: E402

from arloesi.organisations import selectors as organisations
from arloesi.organisations.roles import Kind


class NinjaUnit(Schema):
    id: int
    kind: str
    code: str
    name: str
    parent_id: int | None


ninja_api = NinjaAPI(urls_namespace="ninja-bench")


@ninja_api.get("/units", response=list[NinjaUnit])
def ninja_units(request):
    return organisations.units_of_kind(kind=Kind.CLUSTER, limit=500)


NINJA_CODE = [NinjaUnit, ninja_units]

# --- Django REST framework + drf-spectacular ---------------------------------------------------
try:
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.openapi import AutoSchema
    from rest_framework import generics, serializers
    from rest_framework.permissions import AllowAny
    from rest_framework.renderers import JSONRenderer

    class DrfUnit(serializers.Serializer):
        id = serializers.IntegerField()
        kind = serializers.CharField()
        code = serializers.CharField()
        name = serializers.CharField()
        parent_id = serializers.IntegerField(allow_null=True)

    class DrfUnits(generics.ListAPIView):
        serializer_class = DrfUnit
        renderer_classes = [JSONRenderer]
        permission_classes = [AllowAny]
        authentication_classes = []
        schema = AutoSchema()

        def get_queryset(self):
            return organisations.units_of_kind(kind=Kind.CLUSTER, limit=500)

    DRF_CODE = [DrfUnit, DrfUnits]
    drf_urls = [path("drf/units", DrfUnits.as_view())]
except ImportError:  # pragma: no cover - the comparison needs the packages
    DRF_CODE = []
    drf_urls = []

urlpatterns = [path("ninja/", ninja_api.urls), *drf_urls]

REQUESTS = 300


def _lines(objects) -> int:
    return sum(
        len([line for line in inspect.getsource(o).splitlines() if line.strip()]) for o in objects
    )


def _time(client: Client, url: str) -> dict:
    for _ in range(10):
        client.get(url)
    samples = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(statistics.quantiles(samples, n=20)[-1], 2),
        "queries": len(queries),
        "bytes": len(response.content),
    }


@pytest.mark.django_db
@pytest.mark.urls("bench.api_frameworks")
def test_compare(settings):
    from arloesi.organisations.tests.factories import (
        ClusterFactory,
        PlanningGroupFactory,
        health_board,
    )

    board = health_board()
    for _ in range(12):
        group = PlanningGroupFactory(parent=board)
        for _ in range(10):
            ClusterFactory(parent=group)
    client = Client()
    results = {"ninja": _time(client, "/ninja/units")}
    started = time.perf_counter()
    ninja_api.get_openapi_schema()
    results["ninja"]["schema_ms"] = round((time.perf_counter() - started) * 1000, 1)
    results["ninja"]["lines"] = _lines(NINJA_CODE)
    if DRF_CODE:
        results["drf"] = _time(client, "/drf/units")
        started = time.perf_counter()
        SchemaGenerator(patterns=drf_urls).get_schema(request=None, public=True)
        results["drf"]["schema_ms"] = round((time.perf_counter() - started) * 1000, 1)
        results["drf"]["lines"] = _lines(DRF_CODE)
    for name, numbers in results.items():
        print(name, numbers)
    assert results["ninja"]["queries"] == results.get("drf", results["ninja"])["queries"]
