"""Journey: a practitioner signs in with their organisation's account, in a deployment that
offers both ways in, through a real OpenID Connect provider on this computer."""

import re

import pytest
from playwright.sync_api import expect

from arloesi.organisations.tests import oidc_provider as provider
from arloesi.organisations.tests.factories import PersonFactory
from tests.system.conftest import assert_accessible, heading, main

pytestmark = pytest.mark.browser


@pytest.fixture
def both_ways_in(settings, live_server, oidc_provider):
    settings.SITE_URL = live_server.url
    provider.configure(settings, oidc_provider)
    return oidc_provider


def test_a_practitioner_signs_in_with_their_organisations_account(page, live_server, both_ways_in):
    # Given Gwen was invited to Arloesi, and her organisation's account has her address
    PersonFactory(email="gwen@practice.example", full_name="Gwen Jones")
    both_ways_in.next_sign_in(sub="subject-gwen", email="gwen@practice.example")

    # When she opens the sign-in page in Welsh
    page.goto(f"{live_server.url}/cy/sign-in/")

    # Then both ways in are offered, and the page is accessible
    expect(heading(page)).to_have_text("Mewngofnodi i Arloesi")
    expect(main(page).get_by_role("heading", level=2)).to_have_count(2)
    expect(main(page).locator("form[action='/cy/sign-in/organisation/'] button")).to_be_visible()
    expect(main(page).locator("input[type=password]")).to_be_visible()
    assert_accessible(page)

    # And in English too
    page.get_by_role("link", name="English").click()
    expect(heading(page)).to_have_text("Sign in to Arloesi")
    expect(
        main(page).get_by_role("heading", name="With your organisation's account")
    ).to_be_visible()
    expect(main(page).get_by_role("button", name="Sign in", exact=True)).to_be_visible()
    assert_accessible(page)

    # When she presses the organisation's button
    main(page).get_by_role("button", name="Sign in with your organisation's account").click()

    # Then the provider signs her in and sends her back to her home page, signed in
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(heading(page)).to_contain_text("Gwen")


def _t(language, text, **values):
    from django.utils import translation

    with translation.override(language):
        words = translation.gettext(text)
    return words % values if values else words


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_cluster_lead_removes_a_practitioners_link_to_their_organisation_account(
    new_page, live_server, language
):
    from arloesi.organisations.models import OrganisationAccount
    from arloesi.organisations.roles import Role
    from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role
    from tests.system.conftest import signed_in_page, success_banner

    # Given Gwen's account at her organisation was made again, so Arloesi refuses it as another
    collaborative = CollaborativeFactory()
    lead = person_with_role(Role.CLUSTER_LEAD, collaborative.parent)
    gwen = person_with_role(Role.PRACTITIONER, collaborative, full_name="Gwen Jones")
    OrganisationAccount.objects.create(
        person=gwen, issuer="https://login.example/v2.0", subject="old-gwen"
    )

    # When her cluster lead opens the collaborative's page, the link can be removed from there
    page = signed_in_page(new_page, live_server, lead.email)
    page.goto(f"{live_server.url}/{language}/organisations/{collaborative.pk}/")
    assert_accessible(page)
    main(page).get_by_role("link", name=re.compile(_t(language, "Remove account link"))).click()

    # Then the page says what removing it does, and is accessible
    expect(heading(page)).to_have_text(
        _t(language, "Remove the link to their organisation account")
    )
    expect(main(page)).to_contain_text(gwen.email)
    assert_accessible(page)

    # When they remove it
    main(page).get_by_role("button", name=_t(language, "Remove the link")).click()

    # Then they are back on the collaborative's page, told so, and the link is gone
    expect(success_banner(page)).to_contain_text("Gwen Jones")
    expect(
        main(page).get_by_role("link", name=re.compile(_t(language, "Remove account link")))
    ).to_have_count(0)
    assert_accessible(page)
    assert not OrganisationAccount.objects.filter(person=gwen).exists()
