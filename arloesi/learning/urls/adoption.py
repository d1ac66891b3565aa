"""Adopting or adapting a published innovation. Names: adopt
(/learning/records/<record_id>/adopt/), adoption_compare (…/results-across-clusters/)."""

from django.urls import path

from arloesi.learning.views import adoption

urlpatterns = [
    path("learning/records/<int:record_id>/adopt/", adoption.adopt, name="adopt"),
    path(
        "learning/records/<int:record_id>/results-across-clusters/",
        adoption.compare,
        name="adoption_compare",
    ),
]
