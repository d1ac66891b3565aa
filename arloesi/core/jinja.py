"""The Jinja2 environment every page is rendered with."""

import functools
import json
from collections.abc import Mapping
from pathlib import Path

import nhsuk_frontend_jinja
from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import formats, timezone, translation
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader, Undefined
from markupsafe import Markup, escape

from arloesi.core import guidance
from arloesi.core.forms import error_summary_items, field_params

NHSUK_TEMPLATES = Path(nhsuk_frontend_jinja.__file__).parent / "templates"


# Stand-ins for ids while an address is reversed once per name (see ``url``): far beyond any id
# Arloesi will hand out, and never part of an address's fixed text.
_ID_STAND_IN = 7_364_019_000


def url(name: str, *args, **kwargs) -> str:
    """``reverse``, fast for the addresses pages print most: a row's link per row.

    Django's ``reverse`` costs about 40 µs, and a list of 50 people or proposals prints one or
    two links a row. An address whose arguments are all ids (ints) is reversed once per name,
    language and URL configuration with stand-in ids, and then only has the real ids put in.
    Anything else (a string argument, an address the stand-ins do not fit) is reversed as usual.
    """
    values = (*args, *kwargs.values())
    if all(type(value) is int for value in values):
        template = _url_template(
            get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(),
            translation.get_language(), name, len(args), tuple(kwargs),
        )  # fmt: skip
        if template is not None:
            return template.format(*values)
    return reverse(name, args=args or None, kwargs=kwargs or None)


@functools.lru_cache(maxsize=1024)
def _url_template(
    urlconf, script_prefix: str, language: str | None, name: str, positional: int, keywords: tuple
) -> str | None:
    """The address of ``name`` with a ``{}`` for each id, or None when it cannot be made so."""
    stand_ins = [_ID_STAND_IN + number for number in range(positional + len(keywords))]
    try:
        address = reverse(
            name,
            urlconf=urlconf,
            args=stand_ins[:positional] or None,
            kwargs=dict(zip(keywords, stand_ins[positional:], strict=True)) or None,
        )
    except NoReverseMatch:
        return None
    template = address.replace("{", "{{").replace("}", "}}")
    for number, stand_in in enumerate(stand_ins):
        if template.count(str(stand_in)) != 1:
            return None
        template = template.replace(str(stand_in), f"{{{number}}}")
    return template


def display(obj, field_name: str):
    """What ``obj.get_<field>_display()`` gives — the label of the field's value — at a tenth
    of the cost.

    Django's builds a dictionary of every choice at each call and translates every label to do
    so (about 50 µs for a proposal's status); a list shows one per row. The labels are looked up
    once per field and language here.
    """
    field = obj._meta.get_field(field_name)
    value = getattr(obj, field.attname)
    return _choice_labels(field, translation.get_language()).get(value, value)


@functools.lru_cache(maxsize=256)
def _choice_labels(field, language: str | None) -> dict:
    return {value: str(label) for value, label in field.flatchoices}


def nhsuk_attributes(attributes) -> Markup:
    """The NHS.UK components' ``nhsukAttributes`` macro in Python.

    Every component calls the macro once or more (a page, 25 to 35 times), and as Jinja it cost
    more than the rest of many components. ``core/jinja2/nhsuk/macros/attributes.jinja`` takes
    the macro's place and calls this; core/tests/test_jinja.py checks the two give the same.
    """
    if isinstance(attributes, str):
        # As the macro does: a string is the components' caller's own markup.
        return Markup(attributes)  # noqa: S704
    if isinstance(attributes, Undefined) or not isinstance(attributes, Mapping):
        return Markup("")
    html = ""
    for name, item in attributes.items():
        options = item if isinstance(item, Mapping) else {"value": item, "type": "string"}
        value = options.get("value")
        optional = options.get("optional") is True
        if value is None or isinstance(value, Undefined):
            value, escaped = None, ""
        elif hasattr(value, "__html__"):
            # The macro reads the value's ``val``, which a Markup string does not have.
            value, escaped = _NO_VALUE, value
        elif options.get("type") == "array" and _iterable(value):
            escaped = (
                json.dumps(value, sort_keys=True)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("'", "\\u0027")
            )
            value = _NO_VALUE
        else:
            escaped = escape(value)
        if optional and value is True:
            html = f"{html} {escape(name)}"
        elif not optional or (value is not None and value is not False):
            shown = str(value).lower() if isinstance(value, bool) else escaped
            quote = "'" if '"' in escaped else '"'
            html = f"{html} {escape(name)}={quote}{shown}{quote}"
    # Every name and value in it was escaped above.
    return Markup(html)  # noqa: S704


# A value the macro leaves unset (neither none, nor true, nor false).
_NO_VALUE = object()


def _iterable(value) -> bool:
    try:
        iter(value)
    except TypeError:
        return False
    return True


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
        display=display,
        nhsuk_attributes=nhsuk_attributes,
        field_params=field_params,
        error_summary_items=error_summary_items,
        resources_for=guidance.resources_for,
        static=static,
        settings={"SERVICE_NAME": settings.SERVICE_NAME, "DEMO_MODE": settings.DEMO_MODE},
    )
    env.filters["date"] = date_format
    return env
