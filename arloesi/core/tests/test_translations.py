"""The Welsh catalogue is complete, current and compiled.

Every string the code marks for translation must be in arloesi/locale/cy/LC_MESSAGES/django.po,
translated (every plural form), not fuzzy, with the same placeholders as the English, and
compiled into django.mo. When one of these tests fails: run `make messages`, translate what it
lists in the .po (see /work/shared/domain/welsh-terms.md for terms and style), and run
`make messages` again so the .mo is compiled.

Extraction runs here in-process with the same settings as `make messages`: the method map from
babel.cfg and the keywords from the Makefile's BABEL_KEYWORDS line.
"""

import gettext
import io
import re
import shlex
from pathlib import Path

import django
import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "arloesi"
PO = PACKAGE / "locale" / "cy" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
DJANGO_STRINGS = PACKAGE / "core" / "django_strings.py"
DJANGO_LOCALE = Path(django.__file__).parent

# printf-style conversions as Python's % operator reads them: %(name)s, %d, %%, %.1f ...
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")

FIX = "run `make messages`, then translate in arloesi/locale/cy/LC_MESSAGES/django.po"


def _makefile_keywords() -> list[str]:
    """The -k arguments of the Makefile's BABEL_KEYWORDS (continuation lines included)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    match = re.search(r"^BABEL_KEYWORDS\s*:?=(.*)$", text, re.MULTILINE)
    assert match, "The Makefile has no BABEL_KEYWORDS line"
    words = shlex.split(match.group(1))
    return [words[i + 1] for i, word in enumerate(words[:-1]) if word == "-k"]


def _key(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple | list) else message_id


def _describe(message_id, context=None) -> str:
    text = " / ".join(message_id) if isinstance(message_id, tuple | list) else message_id
    return f"{text!r}" + (f" (context {context!r})" if context else "")


def _not_in(catalog, message, context) -> bool:
    """True if the catalogue lacks ``message``, or has it with another plural."""
    entry = catalog.get(_key(message), context)
    if entry is None:
        return True
    plural = isinstance(message, tuple | list)
    return plural != entry.pluralizable or (plural and tuple(entry.id) != tuple(message))


@pytest.fixture(scope="module")
def catalog():
    with PO.open("rb") as f:
        return read_po(f, locale="cy")


@pytest.fixture(scope="module")
def extracted() -> dict[tuple[str, str | None], tuple]:
    """(msgid, context) -> (full id, first place found) for every message in the code."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, "babel.cfg")
    keywords = DEFAULT_KEYWORDS.copy()  # as pybabel extract, which keeps Babel's defaults
    keywords.update(parse_keywords(_makefile_keywords()))
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        PACKAGE, method_map, options_map, keywords=keywords
    ):
        if not _key(message):
            continue
        found.setdefault((_key(message), context), (message, f"arloesi/{filename}:{lineno}"))
    return found


def test_every_message_is_translated(catalog):
    assert not catalog.fuzzy, f"The catalogue header is marked fuzzy: {FIX}"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if message.pluralizable else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {_describe(message.id, message.context)}")
        elif message.pluralizable and len(strings) != catalog.num_plurals:
            problems.append(
                f"{len(strings)} of {catalog.num_plurals} plural forms: {_describe(message.id)}"
            )
        elif not all(strings):
            problems.append(f"untranslated: {_describe(message.id, message.context)}")
    assert not problems, f"{FIX}:\n" + "\n".join(problems)


def test_every_message_in_the_code_is_in_the_catalogue(catalog, extracted):
    missing = [
        f"{_describe(message, context)} at {where}"
        for (msgid, context), (message, where) in sorted(
            extracted.items(), key=lambda item: (item[0][0], item[0][1] or "")
        )
        if _not_in(catalog, message, context)
    ]
    assert not missing, f"{FIX}:\n" + "\n".join(missing)


def test_catalogue_has_no_messages_the_code_no_longer_uses(catalog, extracted):
    stale = [
        _describe(message.id, message.context)
        for message in catalog
        if message.id and (_key(message.id), message.context) not in extracted
    ]
    assert not stale, "Run `make messages` to drop these from the catalogue:\n" + "\n".join(stale)


def test_compiled_catalogue_is_up_to_date(catalog):
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    up_to_date = MO.exists() and MO.read_bytes() == compiled.getvalue()
    assert up_to_date, (
        "arloesi/locale/cy/LC_MESSAGES/django.mo is not compiled from the current .po: "
        "run `make messages`"
    )


def test_plural_rule_agrees_with_djangos_welsh_catalogue(catalog):
    """Django merges its own Welsh catalogue with ours: one plural rule serves both."""
    mo = DJANGO_LOCALE / "conf" / "locale" / "cy" / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as f:
        django_rule = gettext.GNUTranslations(f).info()["plural-forms"]

    def normalise(rule: str) -> str:
        return re.sub(r"\s+|;$", "", rule)

    assert normalise(catalog.plural_forms) == normalise(django_rule), (
        f"Set the .po header to Django's rule: Plural-Forms: {django_rule}"
    )


def test_translations_keep_the_placeholders_and_add_no_markup(catalog):
    def placeholders(text: str) -> list[str]:
        return sorted(PLACEHOLDER.findall(text))

    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if message.pluralizable else (message.id,)
        strings = message.string if message.pluralizable else (message.string,)
        allowed = [placeholders(text) for text in ids]
        for text in filter(None, strings):
            if placeholders(text) not in allowed:
                problems.append(
                    f"{_describe(message.id)}: {text!r} has {placeholders(text)}, "
                    f"expected {allowed[-1]}"
                )
            elif "%" in PLACEHOLDER.sub("", text):
                problems.append(f"{_describe(message.id)}: {text!r} has a stray % (write %%)")
            if TAG.search(text) and not any(TAG.search(i) for i in ids):
                problems.append(f"{_describe(message.id)}: {text!r} adds HTML to plain text")
    assert not problems, "Fix these translations in the .po:\n" + "\n".join(problems)


def test_django_strings_are_still_djangos(extracted):
    """arloesi/core/django_strings.py must list Django's msgids exactly, or they do nothing."""
    djangos = set()
    for po in (
        DJANGO_LOCALE / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po",
        DJANGO_LOCALE / "contrib" / "auth" / "locale" / "en" / "LC_MESSAGES" / "django.po",
    ):
        with po.open("rb") as f:
            djangos.update(_key(message.id) for message in read_po(f) if message.id)
    ours = [
        (msgid, where)
        for (msgid, _context), (_message, where) in extracted.items()
        if where.startswith("arloesi/core/django_strings.py:")
    ]
    assert ours, "Nothing was extracted from arloesi/core/django_strings.py"
    unknown = [f"{msgid!r} at {where}" for msgid, where in ours if msgid not in djangos]
    assert not unknown, "Django no longer has these messages; update django_strings.py:\n" + (
        "\n".join(unknown)
    )
