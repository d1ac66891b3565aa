"""The documentation page's content, read from the API's OpenAPI document: each operation with
its parameters, body and answers, grouped by part."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from arloesi.api import problems

METHODS = ("get", "post", "put", "patch", "delete")
# The parts (the document's tags) as the page names them, in the reader's language.
PART_NAMES = {
    "organisations": _("Organisations"),
    "proposals": _("Proposals"),
    "projects": _("Projects"),
    "measures": _("Measures"),
    "risks": _("Risks"),
    "learning records": _("Learning records"),
    "schedule": _("Schedule of projects"),
}


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    writes: bool
    parameters: list[dict]
    body: str
    answers: list[tuple[str, str]]


@dataclass
class Part:
    tag: str
    name: str
    operations: list[Operation] = field(default_factory=list)


@dataclass
class DocsPage:
    title: str
    version: str
    description: str
    schema_url: str
    parts: list[Part]
    problems: list[tuple[str, int, str]]


def _ref_name(schema: dict | None) -> str:
    if not schema:
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"[{_ref_name(schema.get('items'))}]"
    return schema.get("type", "")


def _operation(path: str, method: str, found: dict) -> Operation:
    body = found.get("requestBody", {}).get("content", {}).get("application/json", {})
    answers = []
    for status, answer in sorted(found.get("responses", {}).items()):
        content = answer.get("content", {})
        shape = next(iter(content.values()), {}).get("schema") if content else None
        answers.append((status, _ref_name(shape) or answer.get("description", "")))
    return Operation(
        method=method.upper(),
        path=path,
        summary=found.get("summary", ""),
        description=found.get("description", ""),
        writes=method != "get",
        parameters=[
            {
                "name": p["name"],
                "in": p["in"],
                "required": p.get("required", False),
                "description": p.get("description", "")
                or p.get("schema", {}).get("description", ""),
            }
            for p in found.get("parameters", [])
        ],
        body=_ref_name(body.get("schema")),
        answers=answers,
    )


def docs_page() -> DocsPage:
    from arloesi.api.site import api

    schema = api.get_openapi_schema()
    parts: dict[str, Part] = {}
    for path, operations in schema["paths"].items():
        for method in METHODS:
            if method in operations:
                found = operations[method]
                tag = (found.get("tags") or ["api"])[0]
                name = str(PART_NAMES.get(tag, tag))
                parts.setdefault(tag, Part(tag, name)).operations.append(
                    _operation(path, method, found)
                )
    return DocsPage(
        title=schema["info"]["title"],
        version=schema["info"]["version"],
        description=schema["info"].get("description", ""),
        schema_url=reverse("api-v1:openapi-json"),
        parts=list(parts.values()),
        problems=[(kind.slug, status, str(kind.title)) for status, kind in problems.KINDS.items()],
    )
