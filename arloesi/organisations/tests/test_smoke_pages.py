import pytest

from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import CollaborativeFactory, person_with_role

pytestmark = pytest.mark.django_db


def test_pages_render_for_a_practitioner(client):
    collaborative = CollaborativeFactory()
    person = person_with_role(Role.PRACTITIONER, collaborative)
    client.force_login(person)
    for path in [
        "/en/",
        "/cy/",
        "/en/organisations/",
        f"/en/organisations/{collaborative.parent.pk}/",
        f"/cy/organisations/{collaborative.parent.parent.pk}/",
        f"/en/organisations/{collaborative.parent.parent.parent.pk}/",
        "/en/account/",
        "/en/accessibility/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, (path, response.content[:3000])
