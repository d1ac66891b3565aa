"""The benchmark worker's URLs: the whole site, plus the baseline page.

The baseline is the benchmark's yardstick — the smallest page rendered through the whole
middleware stack — and nothing a visitor needs, so the production URLs (``arloesi.urls``) do
not have it: only the benchmark worker (and the tests of the harness) use this module as their
``ROOT_URLCONF``.
"""

from django.conf.urls.i18n import i18n_patterns
from django.shortcuts import render
from django.urls import path

from arloesi import urls as site


def baseline(request):
    """The smallest page rendered through the whole stack: the benchmark's yardstick."""
    return render(request, "core/baseline.html")


# The baseline first, as the first of the site's own pages would be: it measures the stack, not
# how far down the list of addresses a page is.
urlpatterns = [
    *i18n_patterns(path("baseline/", baseline, name="baseline"), prefix_default_language=True),
    *site.urlpatterns,
]

handler400 = site.handler400
handler403 = site.handler403
handler404 = site.handler404
handler500 = site.handler500
