"""The resources library for the access walk and the form fuzz: national, public guidance (no
marker: everyone reads it); only the national team and administrators keep it."""

from django.urls import reverse

from arloesi.learning.models import Resource

PUBLIC = {"learning:resources"}


def populate(world) -> None:
    # The second of a topic's two: its buttons move it up and take it out of the library.
    world.resource = Resource.objects.filter(topic="diagrams").order_by("position", "pk").last()


def _resource(w) -> dict:
    return {"resource_id": w.resource.pk}


PROBES: dict = {
    "learning:resource_edit": _resource,
    "learning:resource_move": _resource,
    "learning:resource_publish": _resource,
}


def _administrator(w):
    return w.administrator


FORM_USERS: dict = dict.fromkeys(
    (
        "learning:resource_add",
        "learning:resource_edit",
        "learning:resource_move",
        "learning:resource_publish",
    ),
    _administrator,
)

# Moving and taking out are buttons on the library's page.
FORM_PAGES: dict = {
    "learning:resource_move": lambda w: reverse("learning:resources"),
    "learning:resource_publish": lambda w: reverse("learning:resources"),
}
