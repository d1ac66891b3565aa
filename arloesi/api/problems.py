"""Every API error in one shape: RFC 9457 problem details (``application/problem+json``).

``type`` points at the documentation's description of the kind of problem, ``title`` is the
same for every problem of a kind, ``detail`` says what happened this time, and a validation
problem lists ``errors``: each ``{"field", "reason"}``, the reason in the caller's language.
"""

from dataclasses import dataclass, field

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CONTENT_TYPE = "application/problem+json"


@dataclass(frozen=True)
class Kind:
    slug: str
    title: object  # lazy text


KINDS = {
    400: Kind("bad-request", gettext_lazy("The request could not be read")),
    401: Kind("unauthorised", gettext_lazy("A valid access token is needed")),
    403: Kind("forbidden", gettext_lazy("The token may not do this")),
    404: Kind("not-found", gettext_lazy("Not found")),
    405: Kind("method-not-allowed", gettext_lazy("Method not allowed")),
    409: Kind("conflict", gettext_lazy("Changed by someone else")),
    412: Kind("precondition-failed", gettext_lazy("The version given is not the current one")),
    413: Kind("too-large", gettext_lazy("The request is too large")),
    422: Kind("validation", gettext_lazy("The request has values that cannot be used")),
    428: Kind("version-needed", gettext_lazy("Say which version you are changing")),
    429: Kind("too-many-requests", gettext_lazy("Too many requests")),
    500: Kind("server-error", gettext_lazy("Something went wrong")),
}


@dataclass
class Problem(Exception):
    """Raised by the API's views and turned into the response by the API's handler."""

    status: int
    detail: str = ""
    errors: list[dict[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


def type_of(status: int) -> str:
    kind = KINDS.get(status, KINDS[400] if status < 500 else KINDS[500])
    return f"{reverse('api:docs')}#problem-{kind.slug}"


def body(status: int, detail: str = "", errors: list[dict[str, str]] | None = None) -> dict:
    kind = KINDS.get(status, KINDS[400] if status < 500 else KINDS[500])
    found = {
        "type": type_of(status),
        "title": str(kind.title),
        "status": status,
        "detail": detail or str(kind.title),
    }
    if errors is not None:
        found["errors"] = errors
    return found


def response(
    status: int,
    detail: str = "",
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JsonResponse:
    answer = JsonResponse(
        body(status, detail, errors),
        status=status,
        content_type=CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        answer[name] = value
    if status == 401:
        answer["WWW-Authenticate"] = 'Bearer realm="arloesi"'
    return answer


def from_problem(problem: Problem) -> JsonResponse:
    errors = problem.errors if problem.status == 422 else None
    return response(problem.status, problem.detail, errors, problem.headers)


def not_found() -> Problem:
    return Problem(
        404, _("There is nothing at this address, or you may not see it with this token.")
    )


def validation(errors: list[dict[str, str]], detail: str = "") -> Problem:
    return Problem(422, detail or _("Correct the values listed in errors."), errors)


def errors_of(error) -> list[dict[str, str]]:
    """A Django ``ValidationError`` (a service's refusal) or a form's errors as
    ``[{"field", "reason"}]``; a refusal not about one field has the field ``""``."""
    if hasattr(error, "error_dict"):
        pairs = error.message_dict.items()
    elif hasattr(error, "items"):
        pairs = error.items()
    else:
        pairs = [("", error.messages)]
    return [
        {"field": "" if name == "__all__" else name, "reason": str(message)}
        for name, messages in pairs
        for message in messages
    ]
