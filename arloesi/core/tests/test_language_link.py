"""The link to the other language never leads off the site, whatever address was asked for."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

HOSTILE_PATHS = [
    "//evil.example/",
    "//evil.example/en/accessibility/",
    "///evil.example/en/",
    "/%2F%2Fevil.example/",
    "/%2f/evil.example/",
    "/\\evil.example/",
    "/%5Cevil.example/",
    "/\\/evil.example/en/accessibility/",
    "/http://evil.example/",
    "/https:evil.example/",
    "/en//evil.example/",
    "/en/\\evil.example/",
    "/en/%2F%2Fevil.example/",
    "/cy//evil.example/",
    "/javascript:alert(1)/",
    "/en/accessibility/?next=//evil.example/",
]


def on_this_site(link: str) -> bool:
    parts = urlsplit(link)
    return (
        link.startswith("/")
        and link[1:2] not in ("/", "\\")
        and not parts.scheme
        and not parts.netloc
    )


def other_language_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)" hreflang="(?:en|cy)"', html) + re.findall(
        r'<link rel="alternate" hreflang="(?:en|cy)" href="([^"]*)"', html
    )


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_the_other_language_link_stays_on_this_site(client, path):
    # The test client would read "//host/" as another host; a server hands it over as a path.
    extra = {"PATH_INFO": path} if path.startswith("//") else {}
    response = client.get("/" if extra else path, **extra)
    if response.status_code == 302:
        # The language prefix added to an address without one keeps it on this site too.
        assert on_this_site(response["Location"]), (path, response["Location"])
        response = client.get(response["Location"])
    links = other_language_links(response.content.decode())
    assert links, (path, response.status_code)
    for link in links:
        link = link.replace("&amp;", "&")
        assert on_this_site(link), (path, link)
        assert re.match(r"^/(en|cy)/", link), (path, link)


def test_an_ordinary_page_still_links_to_itself_in_the_other_language(client):
    page = client.get("/en/accessibility/?x=1").content.decode()
    assert '<a href="/cy/accessibility/?x=1" hreflang="cy"' in page
