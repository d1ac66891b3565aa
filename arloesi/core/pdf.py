"""The one way a page becomes a PDF: a Jinja2 template laid out by WeasyPrint.

The print style sheet is read from the service's own static files and nothing is fetched from
the network (only inline ``data:`` URLs are allowed), so PDFs are made the same way offline.
"""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

PRINT_STYLESHEET = "arloesi-print.css"


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    html = render_to_string(template, context, request=request)
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=2)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(filename=finders.find(PRINT_STYLESHEET), url_fetcher=fetcher)]
    )


def pdf_response(template: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context, request=request), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
