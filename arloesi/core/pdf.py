"""The one way a page becomes a PDF: a Jinja2 template laid out by WeasyPrint.

The print style sheet is read from the service's own static files and nothing is fetched from
the network or the file system (only inline ``data:`` URLs are allowed), so a PDF is made the
same way offline and text someone typed cannot make the server fetch anything.
"""

import functools

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from arloesi.core import downloads

PRINT_STYLESHEET = "arloesi-print.css"


@functools.cache
def _fetcher() -> URLFetcher:
    """One fetcher for every PDF: making one sets up a TLS context, which costs more than laying
    out a page (and it never uses it: only ``data:`` URLs are allowed)."""
    return URLFetcher(allowed_protocols={"data"}, timeout=2, allow_redirects=False)


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    html = render_to_string(template, context, request=request)
    fetcher = _fetcher()
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(filename=finders.find(PRINT_STYLESHEET), url_fetcher=fetcher)]
    )


def pdf_response(
    template: str,
    context: dict,
    *,
    filename: str,
    request=None,
    actor,
    subject,
) -> HttpResponse:
    """The PDF as a file to save, recorded as ``actor``'s download of ``subject``."""
    content = render_pdf(template, context, request=request)
    full_name = f"{filename}.pdf"
    downloads.record(actor=actor, subject=subject, filename=full_name)
    response = HttpResponse(content, content_type="application/pdf")
    downloads.attachment_headers(response, filename=full_name)
    return response
