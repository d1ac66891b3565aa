"""The documentation page and the description it is read from say what each operation does in
the reader's language: every operation's summary and description is translated."""

import pytest
from django.urls import reverse
from django.utils import translation

from arloesi.api.site import api

pytestmark = pytest.mark.django_db


def _operations():
    with translation.override("en"):
        english = api.get_openapi_schema()
    with translation.override("cy"):
        welsh = api.get_openapi_schema()
    for path, operations in english["paths"].items():
        for method, operation in operations.items():
            yield operation, welsh["paths"][path][method]


def test_every_operation_is_summed_up_and_described_in_welsh_too():
    for english, welsh in _operations():
        assert english["summary"] and welsh["summary"] != english["summary"], english["summary"]
        if english.get("description"):
            assert welsh["description"] != english["description"], english["description"]


def test_the_welsh_page_reads_in_welsh(client):
    with translation.override("cy"):
        url = reverse("api:docs")
    page = client.get(url).content.decode()
    assert "Gosod data sawl mesur ar unwaith" in page
    assert "Cyfresi sawl mesur mewn un cais" in page
    assert "Set many measures" not in page
