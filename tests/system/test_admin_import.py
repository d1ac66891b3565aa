"""Journey: an administrator imports planning groups, clusters and collaboratives from a CSV
file; a file with mistakes is refused whole, with each problem named by row and column."""

import re

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser

HEADER = "type,code,name_en,name_cy,parent_code,local_alias,profession\n"
WRONG = HEADER + (
    "cluster,CTM-PONTY,Pontypridd,Pontypridd,CTM-RCT,,\n"
    "collaborative,CTM-PONTY-GMS,Pontypridd GMS Collaborative,Cydweithredfa GMS Pontypridd,"
    "CTM-PONTY,,dentistry\n"
    "cluster,CTM-LOST,Lost cluster,Clwstwr coll,NO-SUCH-GROUP,,\n"
)
RIGHT = HEADER + (
    "cluster,CTM-PONTY,Pontypridd,Pontypridd,CTM-RCT,,\n"
    "collaborative,CTM-PONTY-GMS,Pontypridd GMS Collaborative,Cydweithredfa GMS Pontypridd,"
    "CTM-PONTY,,gms\n"
)


def upload(page, name, text):
    page.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Import", exact=True).click()


def test_an_administrator_imports_organisations(page, live_server, demo):
    # Given an administrator, signed in
    sign_in(page, live_server, "admin@arloesi.example")

    # When they choose Import in the header
    page.locator(".nhsuk-header").get_by_role("link", name="Import").click()

    # Then they see what the file must hold
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Import planning groups, clusters and collaboratives"
    )
    expect(page.get_by_role("table", name="Columns")).to_contain_text("parent_code")
    assert_accessible(page)

    # When they upload a file with two mistakes
    upload(page, "clusters.csv", WRONG)

    # Then nothing is imported, and each mistake is listed with its row and column
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "Nothing was imported: fix these problems and upload the file again"
    )
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("2 problems were found.")
    problems = page.get_by_role("table", name="Problems in the file").locator("tbody tr")
    expect(problems).to_have_count(2)
    expect(problems.nth(0).locator("td")).to_have_text(
        ["3", "profession", re.compile(r"^Enter one of: gms, pharmacy")]
    )
    expect(problems.nth(1).locator("td")).to_have_text(
        ["4", "parent_code", "No organisation has the code NO-SUCH-GROUP."]
    )
    assert_accessible(page)

    # When they upload the corrected file
    upload(page, "clusters.csv", RIGHT)

    # Then they are told what was added
    banner = page.locator(".nhsuk-notification-banner--success")
    expect(banner).to_contain_text("Import finished: 2 added, 0 changed, 0 unchanged.")
    expect(page.locator("#import-problems")).to_have_count(0)
    assert_accessible(page)

    # And the new cluster is in the directory, under its planning group
    page.goto(f"{live_server.url}/en/organisations/")
    page.get_by_role("link", name="Cwm Taf Morgannwg University Health Board").click()
    page.get_by_role("link", name="Pontypridd").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pontypridd")
    expect(page.get_by_role("link", name="Pontypridd GMS Collaborative")).to_be_visible()
