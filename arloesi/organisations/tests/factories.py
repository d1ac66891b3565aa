import factory

from arloesi.organisations.models import Membership, OrganisationUnit, Person
from arloesi.organisations.roles import Kind, Profession, Role

PASSWORD = "correct-horse-battery-staple"


def wales() -> OrganisationUnit:
    return OrganisationUnit.objects.get(code="WALES")


def health_board(code: str = "CTMUHB") -> OrganisationUnit:
    return OrganisationUnit.objects.get(code=code)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationUnit

    code = factory.Sequence(lambda n: f"UNIT-{n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")
    name_cy = factory.Sequence(lambda n: f"Uned {n}")


class PlanningGroupFactory(UnitFactory):
    kind = Kind.PLANNING_GROUP
    parent = factory.LazyFunction(health_board)
    name_en = factory.Sequence(lambda n: f"Planning group {n}")
    name_cy = factory.Sequence(lambda n: f"Grŵp cynllunio {n}")


class ClusterFactory(UnitFactory):
    kind = Kind.CLUSTER
    parent = factory.SubFactory(PlanningGroupFactory)
    name_en = factory.Sequence(lambda n: f"Cluster {n}")
    name_cy = factory.Sequence(lambda n: f"Clwstwr {n}")


class CollaborativeFactory(UnitFactory):
    kind = Kind.COLLABORATIVE
    parent = factory.SubFactory(ClusterFactory)
    profession = Profession.GENERAL_MEDICAL
    name_en = factory.Sequence(lambda n: f"Collaborative {n}")
    name_cy = factory.Sequence(lambda n: f"Cydweithredfa {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    unit = factory.SubFactory(CollaborativeFactory)
    role = Role.PRACTITIONER


def person_with_role(role: Role, unit: OrganisationUnit, **person_fields) -> Person:
    return MembershipFactory(role=role, unit=unit, person=PersonFactory(**person_fields)).person
