"""The Jinja2 environment every page is rendered with."""

from pathlib import Path

import nhsuk_frontend_jinja
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader

from arloesi.core.forms import error_summary_items, field_params

NHSUK_TEMPLATES = Path(nhsuk_frontend_jinja.__file__).parent / "templates"


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def date_format(value, fmt: str = "DATE_FORMAT") -> str:
    """Dates as people read them: "1 April 2025" / "1 Ebrill 2025"."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    if fmt == "DATETIME":
        return f"{formats.date_format(value, 'j F Y')}, {formats.time_format(value, 'H:i')}"
    return formats.date_format(value, "j F Y")


def environment(**options) -> Environment:
    loader = options.pop("loader")
    options["loader"] = ChoiceLoader([loader, FileSystemLoader(NHSUK_TEMPLATES)])
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    # The NHS.UK components read optional parameters several levels deep (params.a.b).
    options["undefined"] = ChainableUndefined
    # Django's Jinja2 backend passes autoescape=True in options.
    env = Environment(**options)  # noqa: S701
    env.install_gettext_callables(
        translation.gettext, translation.ngettext, newstyle=True, pgettext=translation.pgettext
    )
    env.globals.update(
        url=url,
        field_params=field_params,
        error_summary_items=error_summary_items,
        static=static,
        settings={"SERVICE_NAME": settings.SERVICE_NAME, "DEMO_MODE": settings.DEMO_MODE},
    )
    env.filters["date"] = date_format
    return env
