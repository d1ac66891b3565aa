"""The API, version 1: Django Ninja (ADR 0011), mounted at ``/api/v1/`` by the project's URLs.

Every operation needs a token (``auth``); the OpenAPI document (``/api/v1/openapi.json``) is
made from the code and served to anyone, and the documentation page reads it. Every error is a
problem details answer (``problems``), Ninja's own (unreadable JSON, wrong types) included.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestError

from arloesi.api import auth, problems
from arloesi.api.problems import Problem
from arloesi.api.views import learning, measures, organisations, projects, proposals, risks

PROBLEM_STATUSES = ("400", "401", "403", "404", "405", "409", "412", "422", "428", "429")


class ArloesiAPI(NinjaAPI):
    _made: dict = {}

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Ninja's document, with every error answered as ``application/problem+json`` and the
        statuses any operation may answer (401, 404, 405, 429; 400 and 422 for a malformed
        request). Made once per language and kept: the code does not change while it runs."""
        key = (translation.get_language(), path_prefix, repr(path_params))
        if key not in self._made:
            self._made[key] = self._make_schema(path_prefix, path_params)
        return self._made[key]

    def _make_schema(self, path_prefix, path_params):
        schema = _in_words(
            super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        )
        problem = {"$ref": "#/components/schemas/ProblemOut"}
        for operations in schema["paths"].values():
            for operation in operations.values():
                answers = {str(k): v for k, v in operation.get("responses", {}).items()}
                operation["responses"] = answers
                for status in ("400", "401", "404", "405", "422", "429"):
                    answers.setdefault(status, {"description": _("A problem")})
                for status, answer in answers.items():
                    if status in PROBLEM_STATUSES:
                        answer["content"] = {problems.CONTENT_TYPE: {"schema": problem}}
                        answer.setdefault("description", _("A problem"))
        schema["components"]["schemas"].setdefault(
            "ProblemOut", _problem_schema(schema["components"]["schemas"])
        )
        return schema


def _in_words(value):
    """The document with each translatable text (an operation's summary and description) put
    in the language it is made for: it is kept, one per language."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: _in_words(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_words(item) for item in value]
    return value


def _problem_schema(known: dict) -> dict:
    from arloesi.api.schemas.common import ProblemOut

    definition = ProblemOut.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in definition.pop("$defs", {}).items():
        known.setdefault(name, sub)
    return definition


api = ArloesiAPI(
    title="Arloesi API",
    version="1",
    description=gettext_lazy(
        "Read and change what you may in Arloesi, with a personal access token made on your "
        "account page. Every answer follows the same rules as the pages: the same scope, the "
        "same checks and wording (in your language), the same audit trail."
    ),
    urls_namespace="api-v1",
    auth=auth.read,
    docs_url=None,
    openapi_url="/openapi.json",
)
api.add_router("/organisations", organisations.router)
api.add_router("/proposals", proposals.router)
api.add_router("/projects", projects.router)
api.add_router("/measures", measures.router)
api.add_router("/risks", risks.router)
api.add_router("/learning-records", learning.router)
api.add_router("/schedule", projects.schedule)


def _field(location) -> str:
    """``["body", "payload", "points", 3, "value"]`` → ``points[3].value``."""
    parts = [str(p) for p in location if p not in ("body", "payload", "query", "path", "header")]
    named = ""
    for part in parts:
        named += f"[{part}]" if part.isdigit() else (f".{part}" if named else part)
    return named


def _reason(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return _("Enter a value")
    if kind.startswith(("int", "float", "decimal")):
        return _("Enter a number")
    if kind.startswith("bool"):
        return _("Enter true or false")
    if kind.startswith(("string", "str")):
        return _("Enter text")
    if kind.startswith(("list", "dict", "model")):
        return _("Send this as the documentation shows it")
    return _("Enter a value of the kind the documentation shows")


@api.exception_handler(Problem)
def _problem(request, error: Problem):
    return problems.from_problem(error)


@api.exception_handler(RequestError)
def _unreadable(request, error: RequestError):
    errors = [{"field": _field(e.get("loc", ())), "reason": _reason(e)} for e in error.errors]
    return problems.from_problem(problems.validation(errors))


@api.exception_handler(AuthenticationError)
def _unauthorised(request, error):
    return problems.response(
        401,
        _(
            "Send a personal access token that has not expired or been revoked: "
            "Authorization: Bearer arl_…"
        ),
    )


@api.exception_handler(HttpError)
def _http_error(request, error: HttpError):
    detail = _("The request body could not be read as JSON.") if error.status_code == 400 else ""
    return problems.response(error.status_code, detail)


@api.exception_handler(Http404)
def _not_found(request, error):
    return problems.from_problem(problems.not_found())


@api.exception_handler(PermissionDenied)
def _denied(request, error):
    return problems.from_problem(problems.not_found())
