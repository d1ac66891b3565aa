"""Every page's skip link, header and footer are written out by hand for speed (core/_frame.html);
they must stay the NHS.UK components' markup for every way Arloesi uses them."""

import re

import pytest
from django.template import engines
from markupsafe import Markup

SIGN_OUT = Markup(
    '<form class="nhsuk-header__account-form" action="/en/sign-out/" method="post">'
    '<button class="nhsuk-header__account-button">Sign out</button></form>'
)
NAVIGATION = {
    "items": [
        {"href": "/en/", "text": "Home", "current": True},
        {"href": "/en/proposals/", "text": "Proposals & ideas", "current": False},
    ],
    "ariaLabel": "Menu",
    "toggleMenuText": "Mwy",
    "toggleMenuVisuallyHiddenText": "Pori",
}
SERVICE = {"text": "Arloesi", "href": "/en/"}
LOGO = {"alt": "NHS", "ariaLabel": "Arloesi home page"}


def render(source: str, params: dict) -> str:
    return engines["jinja2"].from_string(source).render({"params": params})


def normalised(html: str) -> str:
    """The same markup whatever the indentation and line breaks."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*([<>])\s*", r"\1", html).strip()


@pytest.mark.parametrize(
    "params",
    [
        pytest.param(
            {
                "service": SERVICE,
                "logo": LOGO,
                "account": {
                    "items": [{"text": "Siân O'Brien <Jones>", "icon": True}, {"html": SIGN_OUT}],
                    "ariaLabel": "Cyfrif",
                },
                "navigation": NAVIGATION,
            },
            id="signed in, with navigation",
        ),
        pytest.param(
            {
                "service": SERVICE,
                "logo": LOGO,
                "account": {
                    "items": [{"text": "Rhys Jones", "icon": True}, {"html": SIGN_OUT}],
                    "ariaLabel": "Account",
                },
            },
            id="signed in, no navigation",
        ),
        pytest.param(
            {
                "service": SERVICE,
                "logo": LOGO,
                "account": {"items": [{"href": "/en/sign-in/", "text": "Sign in"}]},
            },
            id="signed out",
        ),
    ],
)
def test_the_written_out_header_is_the_components_markup(params):
    assert written_out("header", params) == component("header", params)


def test_the_written_out_footer_is_the_components_markup():
    params = {
        "meta": {
            "visuallyHiddenText": "Dolenni cymorth",
            "items": [
                {"href": "/cy/accessibility/", "text": "Datganiad hygyrchedd"},
                {"href": "/cy/cookies/", "text": "Cwcis & <preifatrwydd>"},
            ],
        },
        "copyright": "© GIG Cymru NHS Wales",
    }
    assert written_out("footer", params) == component("footer", params)


def test_the_written_out_skip_link_is_the_components_markup():
    params = {"href": "#maincontent", "text": "Neidio i’r prif gynnwys"}
    assert written_out("skip_link", params) == component("skip-link", params, "skipLink")


def component(name: str, params: dict, macro: str | None = None) -> str:
    macro = macro or name
    source = f'{{% from "nhsuk/components/{name}/macro.jinja" import {macro} %}}'
    return normalised(render(source + f"{{{{ {macro}(params) }}}}", params))


def written_out(name: str, params: dict) -> str:
    source = f'{{% from "core/_frame.html" import {name} %}}{{{{ {name}(params) }}}}'
    return normalised(render(source, params))
