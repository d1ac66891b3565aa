"""The resources library. Names: resources (/learning/resources/), resource_add, resource_edit,
resource_move (POST), resource_publish (POST)."""

from django.urls import path

from arloesi.learning.views import resources

urlpatterns = [
    path("learning/resources/", resources.library, name="resources"),
    path("learning/resources/new/", resources.resource_add, name="resource_add"),
    path(
        "learning/resources/<int:resource_id>/edit/",
        resources.resource_edit,
        name="resource_edit",
    ),
    path(
        "learning/resources/<int:resource_id>/move/",
        resources.resource_move,
        name="resource_move",
    ),
    path(
        "learning/resources/<int:resource_id>/publish/",
        resources.resource_publish,
        name="resource_publish",
    ),
]
