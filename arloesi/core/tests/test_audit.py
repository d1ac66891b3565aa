import pytest

from arloesi.core import audit
from arloesi.core.models import AuditEvent, ImmutableRecordError
from arloesi.organisations.models import OrganisationUnit
from arloesi.organisations.tests.factories import ClusterFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_create_records_who_and_every_set_field():
    actor = PersonFactory()
    parent = ClusterFactory().parent
    unit = audit.create(
        OrganisationUnit,
        actor=actor,
        kind="cluster",
        code="NEW-1",
        name_en="New",
        name_cy="Newydd",
        parent=parent,
    )
    event = AuditEvent.objects.get(object_id=str(unit.pk), action="created")
    assert event.actor == actor
    assert event.changes["name_en"] == [None, "New"]
    assert event.changes["parent"] == [None, str(parent)]


def test_update_records_only_what_changed_from_what_to_what():
    actor = PersonFactory()
    unit = ClusterFactory(name_en="Old")
    audit.update(unit, actor=actor, name_en="New", name_cy=unit.name_cy)
    event = AuditEvent.objects.get(object_id=str(unit.pk), action="updated")
    assert event.changes == {"name_en": ["Old", "New"]}
    # Saving the same values again records nothing.
    audit.update(unit, actor=actor, name_en="New")
    assert AuditEvent.objects.filter(object_id=str(unit.pk), action="updated").count() == 1


def test_invalid_values_are_refused_and_nothing_is_recorded():
    unit = ClusterFactory()
    with pytest.raises(Exception, match="name_en"):
        audit.update(unit, actor=None, name_en="")
    assert not AuditEvent.objects.filter(action="updated").exists()


def test_history_is_readable_and_ordered():
    actor = PersonFactory(full_name="Ann Actor")
    unit = ClusterFactory(local_alias="")
    audit.update(unit, actor=actor, local_alias="NCN")
    audit.update(unit, actor=actor, local_alias="LCC")
    events = audit.history_for(unit)
    assert [e.readable_changes[0]["after"] for e in events] == ["NCN", "LCC"]
    first = events[0].readable_changes[0]
    assert (first["label"], first["before"], first["after"]) == ("Local name", "–", "NCN")


def test_audit_rows_cannot_be_edited_or_deleted():
    unit = ClusterFactory()
    event = audit.record(actor=None, obj=unit, action="updated", changes={"x": [1, 2]})
    event.note = "tampered"
    with pytest.raises(ImmutableRecordError):
        event.save()
    with pytest.raises(ImmutableRecordError):
        event.delete()
    with pytest.raises(ImmutableRecordError):
        AuditEvent.objects.filter(pk=event.pk).update(note="tampered")
    with pytest.raises(ImmutableRecordError):
        AuditEvent.objects.all().delete()
