"""Parts of a published document frozen as they were drawn on the day it was published.

An issued evaluation report shows the measures' charts as they stood on its day, and it is never
changed: drawing them again on every visit would cost the page most of its time, and would
follow any later correction of the data. So the service that publishes a document keeps the
part, drawn in every language of the site, in the same transaction (``keep``); its page shows
the kept part (``read``), and draws it live only for a document published before parts were
kept. A kept part is never updated (``Snapshot`` is an immutable row).
"""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.utils import translation
from markupsafe import Markup

from arloesi.core.models import Snapshot


def _kind(obj: models.Model) -> str:
    return obj._meta.label_lower


def keep(obj: models.Model, part: str, draw: Callable[[], str]) -> None:
    """Draw ``part`` of ``obj`` in each of the site's languages and keep it (once: a part
    already kept is left as it was)."""
    kept = set(
        Snapshot.objects.filter(kind=_kind(obj), object_id=obj.pk, part=part).values_list(
            "language", flat=True
        )
    )
    rows = []
    for code, _name in settings.LANGUAGES:
        if code in kept:
            continue
        with translation.override(code):
            rows.append(
                Snapshot(kind=_kind(obj), object_id=obj.pk, part=part, language=code, html=draw())
            )
    Snapshot.objects.bulk_create(rows)


def read(obj: models.Model, part: str) -> Markup | None:
    """The kept ``part`` of ``obj`` in the reader's language, or None (one query)."""
    html = (
        Snapshot.objects.filter(
            kind=_kind(obj),
            object_id=obj.pk,
            part=part,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        .values_list("html", flat=True)
        .first()
    )
    return Markup(html) if html is not None else None  # noqa: S704 - our own drawing, kept
