"""The template helpers that replace Django's slower ones give exactly what Django's give: pages
print addresses with ``url()``, which reverses an address once per name and then only puts the
ids in, and a field's label with ``display()``, which looks the labels up once per language."""

import pytest
from django.apps import apps
from django.template import engines
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.utils import translation
from jinja2 import Environment, FileSystemLoader, Undefined
from markupsafe import Markup

from arloesi.core.jinja import NHSUK_TEMPLATES, display, url


def _patterns(resolver=None, prefix="", converters=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        found = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _patterns(entry, namespace, found)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", found


PATTERNS = sorted(dict(_patterns()).items())


def _by_id(found) -> bool:
    return bool(found) and all(isinstance(converter, IntConverter) for converter in found.values())


def test_the_site_has_addresses_with_ids_to_check():
    assert sum(1 for _, found in PATTERNS if _by_id(found)) > 20


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_address_is_the_one_django_reverses(language):
    with translation.override(language):
        for name, found in PATTERNS:
            if not found:
                assert url(name) == reverse(name)
                continue
            if not _by_id(found):
                continue
            for ids in ([1] * len(found), list(range(7, 7 + len(found))), [987654321] * len(found)):
                kwargs = dict(zip(found, ids, strict=True))
                assert url(name, **kwargs) == reverse(name, kwargs=kwargs), name


def test_other_arguments_are_reversed_as_django_does():
    with translation.override("cy"):
        assert url("proposals:queue_export", unit_id=3, file_format="csv") == reverse(
            "proposals:queue_export", kwargs={"unit_id": 3, "file_format": "csv"}
        )
        assert url("organisations:unit", unit_id=12) == "/cy/organisations/12/"


def test_the_address_follows_the_url_configuration(settings):
    assert url("home") == "/en/"
    settings.ROOT_URLCONF = "arloesi.core.bench.urls"
    assert url("baseline") == "/en/baseline/"


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_fields_label_is_the_one_django_displays(language):
    with translation.override(language):
        checked = 0
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if not field.choices:
                    continue
                for value, _label in [*field.flatchoices, ("not-a-choice", "")]:
                    obj = model(**{field.attname: value})
                    assert display(obj, field.name) == getattr(obj, f"get_{field.name}_display")()
                    checked += 1
        assert checked > 30


NHSUK_MACRO = '{% from "nhsuk/macros/attributes.jinja" import nhsukAttributes %}'
ATTRIBUTES = [
    None,
    "",
    ' data-raw="<b>"',
    Markup(' data-safe="1"'),
    {},
    {"class": "nhsuk-header", "role": "banner"},
    {"id": {"value": None, "optional": True}, "href": {"value": "#main", "optional": True}},
    {"hidden": {"value": True, "optional": True}, "open": {"value": False, "optional": True}},
    {"aria-hidden": True, "aria-expanded": False, "tabindex": 0, "data-count": 3},
    {"title": 'Say "hello" & <wave>', "alt": "Siân’s"},
    {"data-html": Markup("<b>bold</b>"), "data-quoted": Markup('say "hi"')},
    {"data-list": {"value": ["a<b", "c'd", "e&f"], "type": "array"}},
    {"data-map": {"value": {"b": 1, "a": [2]}, "type": "array"}},
    {"empty": "", "missing": {"optional": False}, "none": None},
    {"value-undefined": {"value": Undefined(), "optional": True}},
]


@pytest.mark.parametrize("attributes", ATTRIBUTES)
def test_the_attributes_macro_in_python_gives_what_the_nhsuk_macro_gives(attributes):
    """The app's nhsuk/macros/attributes.jinja takes the place of the package's macro."""
    package = Environment(loader=FileSystemLoader(NHSUK_TEMPLATES), autoescape=True)
    source = NHSUK_MACRO + "{{ nhsukAttributes(attributes) }}"
    expected = package.from_string(source).render(attributes=attributes)
    ours = engines["jinja2"].env.from_string(source).render(attributes=attributes)
    # The package's macro leaves the line breaks of its own template between the attributes;
    # inside a tag they mean nothing.
    assert ours.split() == expected.split()
    assert not ours or ours.startswith(" ")


def test_the_components_use_the_faster_attributes_macro():
    template = engines["jinja2"].env.get_template("nhsuk/macros/attributes.jinja")
    assert "core/jinja2/nhsuk" in template.filename
