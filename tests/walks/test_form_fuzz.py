"""No input ever causes a 5xx, and nothing malformed is saved: proved for every form the app
serves, by posting hostile values to each of its fields as the person who uses it.

The forms are found as a browser finds them. For each URL that an app's ``tests/access.py``
gives an owner (``FORM_USERS``: one of organisation B's people, or ``None`` for someone signed
out), the owner opens the page and every ``<form method="post">`` posting back to it is read
(tests/walks/html_forms.py): its fields, hidden values, options and CSRF token. URLs that only
take a POST (remove and confirm buttons) are posted to directly. Then, one test per form and kind
of hostile value, each field in turn gets that value while the others keep what the page would
send (a checked option, the text already there, or a plausible value), and the form is posted
with the page's CSRF token, the client enforcing CSRF checks. After every post:

- the answer is not a 5xx (the client returns the 500 page instead of raising, as a server
  would), and not a CSRF refusal (which would mean the form was never really tried);
- no INSERT or UPDATE sent to the database carried a control character or a value of 100,000
  characters or more, in any column, the audit trail's JSON changes included
  (tests/walks/writes.py watches the statements themselves, so no table can be forgotten);
- the hostile markup is not in the page unescaped.

A grid's rows repeat the same fields under numbered names (``value_0``, ``value_1``…): the first
and the last of each carry the hostile values (``fields_to_fuzz``); the rows between are built by
the same code and keep plausible values. Numbers and dates out of range go to the fields a form
may read as numbers or dates (``values_to_send``); a text box keeps them as words.

Each post runs in a savepoint that is rolled back, so every value meets the same data.

New forms are covered automatically: ``test_every_form_has_someone_to_use_it`` opens every page
as each of B's people and fails when a form posts to, or a URL only answers POST at, an address
no app has given an owner.
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from arloesi.core import pdf
from tests.walks.fuzz_values import (
    DUPLICATE,
    MISSING,
    PER_FIELD,
    SCRIPT,
    Filler,
    fields_to_fuzz,
    values_to_send,
)
from tests.walks.html_forms import CSRF_FIELD, Field, Form, post_forms
from tests.walks.world import (
    ALL_URLS,
    API_PREFIX,
    FORM_ARGS,
    FORM_FILES,
    FORM_PAGES,
    FORM_USERS,
    FORM_VALUES,
    PROBES,
    World,
    address,
    takes_parameters,
)
from tests.walks.writes import recorded_writes

pytestmark = pytest.mark.django_db

# Whole-form cases: nothing but the CSRF token; the same valid post twice (a double click, and
# for versioned forms a stale ``expected_version`` the second time).
WHOLE_FORM = ["nothing sent", "sent twice"]
KINDS = [*PER_FIELD, *WHOLE_FORM]
# Kinds whose fate cannot depend on the database: markup is escaped by the templates, SQL goes
# as a parameter, a duplicated name is read by the form, and leaving values out sends less, not
# other values (NOT NULL and foreign keys are enforced alike by both databases). On PostgreSQL,
# the suite's second database, the others are sent: lengths its columns enforce, NUL bytes it
# refuses, numbers and dates out of its ranges, types its columns refuse, a post twice under a
# unique constraint (a failed statement ends its transaction).
SAME_ON_EVERY_DATABASE = ("markup and sql", "duplicated", "empty", "missing", "nothing sent")
if connection.vendor == "postgresql":
    KINDS = [kind for kind in KINDS if kind not in SAME_ON_EVERY_DATABASE]
# A field to carry the hostile values when a form has no fields of its own (a remove button).
UNEXPECTED = "unexpected"

# Bugs this fuzz finds and that are not fixed yet: (form, kind) → the bug, each a strict xfail, so
# fixing it fails here until its mark goes. The first run found 18 (control characters saved by
# the proposals forms; a 500 for a closing date of 31/12/9999), all fixed since.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Target:
    name: str  # the URL name forms post to
    label: str | None = None  # which of the app's FORM_ARGS, if any

    def __str__(self) -> str:
        return f"{self.name}[{self.label}]" if self.label else self.name

    def address(self, world: World) -> str:
        if self.label:
            return reverse(self.name, kwargs=FORM_ARGS[self.name][self.label](world))
        return address(world, self.name)


TARGETS = [
    Target(name, label)
    for name in sorted(FORM_USERS)
    for label in (sorted(FORM_ARGS[name]) if name in FORM_ARGS else [None])
]


def _case(target: Target, kind: str):
    bug = KNOWN_BUGS.get((str(target), kind))
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(target, kind, marks=marks, id=f"{target}-{kind}")


# --- Opening the form as its owner --------------------------------------------------------------


@dataclass
class Discovered:
    url: str
    owner: object
    forms: list[Form]
    csrf_cookie: str
    post_only: bool


def _client(owner, csrf_cookie: str | None = None) -> Client:
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if owner is not None:
        # A copy: signing in sets last_login on the object, and the world's stays as built.
        client.force_login(type(owner).objects.get(pk=owner.pk))
    if csrf_cookie:
        client.cookies[settings.CSRF_COOKIE_NAME] = csrf_cookie
    return client


def discover(world: World, target: Target) -> Discovered:
    """The forms posting to ``target``'s address, as its owner sees them (read once for the
    world: every test starts from the same data)."""
    if target in world.forms_found:
        return world.forms_found[target]
    owner = FORM_USERS[target.name](world)
    url = target.address(world)
    client = _client(owner)
    if target.name in FORM_PAGES:
        # A form on another page (a button of an editor): read there, posted here.
        page_url = FORM_PAGES[target.name](world)
        response = client.get(page_url)
        assert response.status_code == 200, f"{target}: {page_url} answers {response.status_code}"
        forms = [f for f in post_forms(response.content.decode(), page_url) if f.action == url]
        csrf_cookie = client.cookies[settings.CSRF_COOKIE_NAME].value
        world.forms_found[target] = Discovered(url, owner, forms, csrf_cookie, False)
        return world.forms_found[target]
    response = client.get(url)
    post_only = response.status_code == 405
    if post_only:
        # A button on another page: post with the CSRF token any page gives this person.
        page = client.get(reverse("home") if owner is not None else reverse("sign_in"))
        token = next(f.csrf_token() for f in post_forms(page.content.decode(), url))
        forms = [Form(url, {CSRF_FIELD: Field(CSRF_FIELD, "hidden", [token])})]
    else:
        assert response.status_code == 200, (
            f"{target}: its owner gets {response.status_code} for {url}, not the form"
        )
        forms = [f for f in post_forms(response.content.decode(), url) if f.action == url]
    csrf_cookie = client.cookies[settings.CSRF_COOKIE_NAME].value
    world.forms_found[target] = Discovered(url, owner, forms, csrf_cookie, post_only)
    return world.forms_found[target]


# --- Values ------------------------------------------------------------------------------------


def filler_for(world: World, target: Target) -> Filler:
    values = {
        name: value(world) if callable(value) else value
        for name, value in FORM_VALUES.get(target.name, {}).items()
    }
    if target.name in FORM_FILES:
        return Filler(values, lambda text: FORM_FILES[target.name](world, text))
    return Filler(values)


# --- Posting and checking ----------------------------------------------------------------------


def _post(client: Client, form: Form, data: dict, what: str, *, keep=False) -> list[str]:
    """Post in a savepoint, rolled back unless ``keep``; the problems seen, each naming
    ``what``."""
    problems = []
    # Signing in or out changes the cookies; the next post starts from the page's again.
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    with transaction.atomic():
        with recorded_writes() as writes:
            response = client.post(form.action, data)
        status = response.status_code
        if status >= 500:
            error = getattr(response, "exc_info", None)
            cause = f": {error[0].__name__}: {error[1]}" if error else ""
            problems.append(f"{what}: answered {status}{cause}")
        body = response.content.decode(errors="replace")
        if status == 403 and "CSRF" in body:
            problems.append(f"{what}: refused as a CSRF failure (the fuzz did not reach the form)")
        if SCRIPT in body:
            problems.append(f"{what}: the page shows the posted markup unescaped")
        problems.extend(f"{what}: wrote {found}" for found in writes.malformed())
        transaction.set_rollback(not keep)
    client.cookies.clear()
    for name, value in cookies.items():
        client.cookies[name] = value
    return problems


def _shown(value) -> str:
    if value is MISSING:
        return "(left out)"
    if value is DUPLICATE:
        return "(sent twice)"
    text = value if isinstance(value, str) else repr(value)
    return repr(text if len(text) <= 40 else f"{text[:20]}…({len(text):,} characters)")


def fuzz(client: Client, form: Form, kind: str, filler: Filler) -> list[str]:
    problems = []
    if kind == "nothing sent":
        return _post(client, form, {CSRF_FIELD: form.csrf_token()}, f"{form.action} with no fields")
    if kind == "sent twice":
        with transaction.atomic():
            once = filler.data(form)
            problems += _post(client, form, once, f"{form.action} posted", keep=True)
            again = filler.data(form)
            problems += _post(client, form, again, f"{form.action} posted again")
            transaction.set_rollback(True)
        return problems
    sends = {name: values_to_send(form.fields[name], kind) for name in fields_to_fuzz(form)}
    sends = {name: values for name, values in sends.items() if values}
    for name, values in (sends or {UNEXPECTED: PER_FIELD[kind]}).items():
        for value in values:
            data = filler.data(form, name=name, value=value)
            problems += _post(client, form, data, f"{form.action} {name}={_shown(value)}")
    return problems


@pytest.mark.parametrize(("target", "kind"), [_case(t, k) for t in TARGETS for k in KINDS])
def test_hostile_input_is_refused_or_saved_clean(world, target, kind):
    found = discover(world, target)
    assert found.forms, (
        f"{target}: its owner's page {found.url} has no form posting to it; remove it from "
        "FORM_USERS or point FORM_ARGS at an object whose page has the form"
    )
    client = _client(found.owner, found.csrf_cookie)
    filler = filler_for(world, target)
    problems = [p for form in found.forms for p in fuzz(client, form, kind, filler)]
    assert not problems, f"{target}, {kind}:\n" + "\n".join(problems)


# --- Every form has someone to use it ----------------------------------------------------------


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _untypeset(template: str, context: dict, *, request=None) -> bytes:
    render_to_string(template, context, request=request)
    return b"%PDF-1.7 (not typeset)"


# The pages are opened in one test per app (the part of the URL name before ":"), so that the
# suite's workers share them out.
PAGE_GROUPS = sorted({name.split(":")[0] for name, _pattern in ALL_URLS})


@pytest.mark.one_database  # which forms a page has is its template's, not the database's
@pytest.mark.parametrize("group", PAGE_GROUPS)
def test_every_form_has_someone_to_use_it(world, group, monkeypatch):
    """Opens every page of ``group`` as each of B's people (and signed out): a form posting to a
    URL, or a URL that only answers POST, with no owner in any app's FORM_USERS fails here.
    A PDF has no forms: its HTML is still rendered, but not typeset (the access walk and the
    apps' own tests typeset them)."""
    monkeypatch.setattr(pdf, "render_pdf", _untypeset)
    visitors = [None, *world.people_of_b()]
    unowned: dict[str, str] = {}
    for name, pattern in ALL_URLS:
        if name.split(":")[0] != group:
            continue
        if name in FORM_USERS or (takes_parameters(pattern) and name not in PROBES):
            continue  # owned, or unprobed (the access walk fails for that)
        url = address(world, name)
        if url.startswith(API_PREFIX):
            continue  # a program's bodies, not a person's forms: fuzzed by the API's schema test
        for visitor in visitors:
            client = _client(visitor)
            response = client.get(url)
            if response.status_code == 405:
                unowned[name] = f"{url} only answers POST"
            if response.get("Content-Type", "").startswith("text/html"):
                for form in post_forms(response.content.decode(), url):
                    action = _url_name(form.action)
                    if action not in FORM_USERS:
                        unowned[action or form.action] = f"a form on {url} posts to it"
    assert not unowned, (
        "Forms nobody is named to use (add each URL name to FORM_USERS in its app's "
        "tests/access.py, with the person of organisation B who uses it):\n"
        + "\n".join(f"- {name}: {why}" for name, why in sorted(unowned.items()))
    )


def test_the_owners_forms_are_found(world):
    """Every name in FORM_USERS leads its owner to a form (or is a POST-only button)."""
    empty = [str(t) for t in TARGETS if not discover(world, t).forms]
    assert not empty, f"FORM_USERS entries whose owner finds no form: {empty}"
