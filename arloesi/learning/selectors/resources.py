"""The resources library: what anyone reads (published resources, by topic, in the reader's
language), what the national team keeps (every resource, to add, change, reorder and take out of
the library), and the guidance other screens link to (``core.guidance``)."""

from dataclasses import dataclass

from django.http import Http404
from django.utils import translation

from arloesi.core import guidance, permissions
from arloesi.core.jinja import url
from arloesi.learning.models import Resource
from arloesi.learning.permissions import RecordPerm
from arloesi.learning.selectors.records import signed_in


def may_curate(user) -> bool:
    return signed_in(user) and permissions.can_anywhere(user, RecordPerm.CURATE)


def _welsh() -> bool:
    return (translation.get_language() or "en")[:2] == "cy"


def title_of(resource: Resource) -> str:
    return resource.title_cy if _welsh() and resource.title_cy else resource.title_en


def summary_of(resource: Resource) -> str:
    return resource.summary_cy if _welsh() and resource.summary_cy else resource.summary_en


@dataclass(frozen=True)
class ShownResource:
    resource: Resource
    title: str
    summary: str


@dataclass(frozen=True)
class Topic:
    value: str
    label: str
    resources: list[ShownResource]


@dataclass(frozen=True)
class LibraryPage:
    topics: list[Topic]
    may_curate: bool
    # For the national team: the resources taken out of the library, to bring back.
    unpublished: list[ShownResource]


def library_page(*, user) -> LibraryPage:
    """Every topic with its published resources in order (one query)."""
    curate = may_curate(user)
    resources = list(Resource.objects.order_by("topic", "position", "pk"))
    shown = [ShownResource(r, title_of(r), summary_of(r)) for r in resources]
    topics = [
        Topic(
            value=value,
            label=str(label),
            resources=[s for s in shown if s.resource.topic == value and s.resource.is_published],
        )
        for value, label in Resource.Topic.choices
    ]
    return LibraryPage(
        topics=[topic for topic in topics if topic.resources or curate],
        may_curate=curate,
        unpublished=[s for s in shown if not s.resource.is_published] if curate else [],
    )


def resource_for_curation(*, user, resource_id: int) -> Resource:
    """The resource, for the national team; otherwise 404."""
    if not may_curate(user):
        raise Http404
    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is None:
        raise Http404
    return resource


def require_curator(*, user) -> None:
    if not may_curate(user):
        raise Http404


def resources_guidance(topic: str) -> list[guidance.Guidance]:
    """The published resources on ``topic``, for ``core.guidance`` (one query)."""
    if topic not in Resource.Topic.values:
        return []
    library = url("learning:resources")
    return [
        guidance.Guidance(title=title_of(r), url=f"{library}#resource-{r.pk}")
        for r in Resource.objects.filter(topic=topic, is_published=True).order_by("position", "pk")
    ]
