"""Optimistic concurrency for the API's edits, with the versions the pages' forms use
(``core.models.VersionedModel``): a read answers ``ETag: "<version>"``; an edit sends it back
as ``If-Match`` (or ``version`` in its body). A version that is no longer the current one is
refused before anything is written (412 for ``If-Match``, 409 when the body's version is found
stale by the service), and an edit that names no version is refused (428)."""

from django.utils.translation import gettext as _

from arloesi.api.problems import Problem


def etag(version: int) -> str:
    return f'"{version}"'


def expected_version(*, if_match: str | None, sent: int | None, current: int) -> int:
    if if_match:
        wanted = if_match.strip().removeprefix("W/").strip('"')
        if wanted != str(current):
            raise Problem(
                412,
                _("This is now version %(version)s: read it again, then send your changes.")
                % {"version": current},
            )
        return current
    if sent is None:
        raise Problem(
            428,
            _("Send the version you are changing: If-Match with its ETag, or version."),
        )
    return sent
