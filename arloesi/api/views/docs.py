"""The API's documentation: a page read from the OpenAPI document the code makes, in the NHS.UK
look, with nothing fetched from elsewhere (it works offline)."""

from django.shortcuts import render

from arloesi.api import docs


def documentation(request):
    return render(request, "api/docs.html", {"page": docs.docs_page()})
