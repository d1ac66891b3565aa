"""History pages name each changed field in the page's language: every field a change can record
has a label written for people and translated (not a name made up from the code)."""

from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise

from arloesi.core.audit import audited_fields
from arloesi.core.models import AuditEvent


def test_every_recorded_field_of_every_model_has_a_translated_label():
    unlabelled = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("arloesi.") and model is not AuditEvent
        for field in audited_fields(model)
        if not isinstance(field.verbose_name, Promise)
    ]
    assert unlabelled == []


def test_labels_read_in_welsh_on_a_welsh_page():
    from arloesi.organisations.models import Membership

    with translation.override("cy"):
        labels = {str(field.verbose_name) for field in audited_fields(Membership)}
    assert {"rôl", "sefydliad"} <= labels
