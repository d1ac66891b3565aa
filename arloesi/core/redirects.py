"""Where to go back to after a form: only ever a path on this site.

A ``next`` value that is not a path (another site, ``//host``, or a word that Django's
``redirect()`` would take for a view's name) is ignored, never followed.
"""

from django.utils.http import url_has_allowed_host_and_scheme


def local_path(request, candidate: str | None) -> str:
    """``candidate`` if it is a path on this site, else an empty string."""
    candidate = candidate or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""
