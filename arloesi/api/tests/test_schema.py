"""The API answers as its OpenAPI document says, whatever it is sent: schemathesis generates
requests for every operation from the document the code makes (a few examples each, so the run
stays short), sends them with a valid token that may write, at the caller's own objects, and
checks that no answer is a server error and that each answer's status, content type and body
are the ones documented."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from arloesi.api.tests.factories import token_for
from arloesi.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = 5
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _from_this_computer(environ, start_response):
    """The site, asked as a program on this computer asks it (the test transport sends no
    client address)."""
    environ["REMOTE_ADDR"] = environ.get("REMOTE_ADDR") or "127.0.0.1"
    return application(environ, start_response)


@pytest.fixture(autouse=True)
def _connection_kept():
    """The site is called as a server calls it, and a server closes the database connection
    at the end of each request when it is inside a transaction: here, the test's own. Keep it
    open, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _ids(place) -> dict[str, int]:
    """The caller's own objects, so that requests reach past the 404 of an unknown id."""
    return {
        "unit_id": place.project.lead_collaborative_id,
        "proposal_id": place.proposal.pk,
        "project_id": place.project.pk,
        "measure_id": place.measure.pk,
        "entry_id": place.risk.pk,
        "record_id": place.published.pk,
    }


def test_every_operation_answers_as_documented(mine, settings):
    settings.API_REQUESTS_PER_MINUTE = 1_000_000
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _from_this_computer)
    headers = {"Authorization": f"Bearer {token_for(mine.author)}"}
    ids = _ids(mine)
    seen = []
    for found in schema.get_all_operations():
        operation = found.ok()
        names = {p.name for p in operation.path_parameters}
        strategy = operation.as_strategy(
            path_parameters={name: ids[name] for name in names} or None
        )

        @given(case=strategy)
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_documented(case):
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)

        answers_as_documented()
        seen.append(operation.label)
    assert len(seen) >= 20
