"""One way to call a service from a view: every refusal shows the same way on every page."""

from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory

from arloesi.core import fields
from arloesi.core.audit import ConcurrentEditError
from arloesi.core.forms import VersionedForm
from arloesi.core.service_calls import call_service
from arloesi.core.workflow import TransitionNotAllowedError


class TitleForm(VersionedForm):
    title = fields.text("Title", required_message="Enter a title")
    edited_fields = ("title",)


def a_request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def said(request) -> list[str]:
    return [str(message) for message in get_messages(request)]


def refuse(error):
    def service():
        raise error

    return service


def test_success_says_so_and_warns_about_what_looks_like_an_nhs_number():
    request = a_request()
    result = call_service(
        request,
        lambda: "saved",
        success=lambda value: f"It was {value}.",
        patient_data=["Patient 943 476 5919 fell twice"],
    )
    assert (result.ok, result.value) == (True, "saved")
    assert said(request)[0] == "It was saved."
    assert "looks like it contains an NHS number" in said(request)[1]


def test_a_refused_permission_is_a_page_not_found():
    with pytest.raises(Http404):
        call_service(a_request(), refuse(PermissionDenied))


def test_a_refusal_lands_on_the_form_field_it_is_about_or_at_the_top():
    form = TitleForm({"title": "Mine", "expected_version": "1"})
    assert form.is_valid()
    result = call_service(
        a_request(),
        refuse(ValidationError({"title": "Too similar", "other": "Not yours"})),
        form=form,
    )
    assert not result.ok and result.error is not None
    assert form.errors == {"title": ["Too similar"], "__all__": ["Not yours"]}


def test_without_a_form_a_refusal_is_a_message_and_a_view_may_show_it_itself():
    request = a_request()
    call_service(request, refuse(ValidationError("Not now")))
    assert said(request) == ["Not now"]
    quiet = a_request()
    result = call_service(quiet, refuse(ValidationError("Shown by the view")), show_refusal=False)
    assert said(quiet) == [] and result.error.messages == ["Shown by the view"]


def test_a_stale_edit_keeps_what_was_typed_and_shows_what_the_other_person_saved():
    form = TitleForm({"title": "Mine", "expected_version": "1"})
    assert form.is_valid()
    theirs = SimpleNamespace(version=3, title="Theirs")
    result = call_service(a_request(), refuse(ConcurrentEditError(theirs)), form=form)
    assert result.stale and not result.ok
    assert form["title"].value() == "Mine"
    assert form.cleaned_data["expected_version"] == 3
    assert form.theirs == [{"label": "Title", "value": "Theirs"}]
    assert "Someone else changed this while you were editing it" in form.non_field_errors()[0]


def test_a_status_moved_on_meanwhile_is_said_plainly():
    request = a_request()
    result = call_service(request, refuse(TransitionNotAllowedError("a", "b")))
    assert result.stale
    assert said(request) == [
        "Someone else changed this while you were looking at it: check it again below."
    ]
    form = forms.Form({})
    call_service(a_request(), refuse(TransitionNotAllowedError("a", "b")), form=form)
    assert form.non_field_errors() == [
        "Someone else changed this while you were looking at it: check it again below."
    ]
