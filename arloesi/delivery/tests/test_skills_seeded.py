import pytest
from django.utils import translation

from arloesi.delivery.models import Skill


@pytest.mark.django_db
def test_the_maintained_list_of_skills_starts_with_the_twelve_agreed_in_both_languages():
    skills = list(Skill.objects.all())
    assert len(skills) == 12
    assert skills[0].code == "gp" and all(skill.active for skill in skills)
    with translation.override("cy"):
        assert Skill.objects.get(code="pharmacist").name == "Fferyllydd"
    assert Skill.objects.get(code="pharmacist").name == "Pharmacist"
