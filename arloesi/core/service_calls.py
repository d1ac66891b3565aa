"""The one way a view calls a service.

A view parses the request, then hands one service call to ``call_service``, which turns every
way a service can refuse into what the person sees, the same on every page:

* ``PermissionDenied`` → 404, so trying ids reveals nothing;
* ``ValidationError`` → on the form's fields (or at its top), else as an error message;
* a stale edit (``ConcurrentEditError``) or a status that moved meanwhile
  (``TransitionNotAllowedError``) → the form again with what was typed and what the other person
  changed (``VersionedForm.show_stale``), else a message; ``result.stale`` tells the view;
* success → the success message, and the patient-data warning when saved text looks like it
  holds an NHS number (warns, never blocks).

Usage::

    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.proposal_create(actor=request.user, **form.cleaned_data),
            form=form,
            success=_("Your draft proposal has been started."),
            patient_data=[form.cleaned_data["title"]],
        )
        if result.ok:
            return redirect("proposals:edit", proposal_id=result.value.pk)
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from arloesi.core.audit import ConcurrentEditError
from arloesi.core.forms import VersionedForm, add_service_errors, warn_if_patient_data
from arloesi.core.workflow import TransitionNotAllowedError

CHANGED_MEANWHILE = _(
    "Someone else changed this while you were looking at it: check it again below."
)


@dataclass
class ServiceResult[T]:
    ok: bool
    value: T | None = None
    # The service's refusal, for a view that shows it its own way (e.g. screening problems).
    error: ValidationError | None = None
    # Someone else changed the object, or moved its status on, meanwhile.
    stale: bool = False


def call_service[T](
    request,
    service: Callable[[], T],
    *,
    form: forms.Form | None = None,
    success: str | Callable[[T], str] | None = None,
    patient_data: Iterable[str] | Callable[[T], Iterable[str]] = (),
    show_refusal: bool = True,
) -> ServiceResult[T]:
    """Run ``service``; see the module's docstring. With ``show_refusal=False`` a validation
    refusal is only returned (``result.error``), for a view that shows it its own way."""
    try:
        value = service()
    except PermissionDenied:
        raise Http404 from None
    except ConcurrentEditError as error:
        _show_stale(request, form, getattr(error, "current", None))
        return ServiceResult(ok=False, stale=True)
    except TransitionNotAllowedError:
        _show_stale(request, form, None)
        return ServiceResult(ok=False, stale=True)
    except ValidationError as error:
        if show_refusal and form is not None:
            add_service_errors(form, error)
        elif show_refusal:
            messages.error(request, " ".join(str(message) for message in error.messages))
        return ServiceResult(ok=False, error=error)
    if success is not None:
        messages.success(request, success(value) if callable(success) else success)
    texts = patient_data(value) if callable(patient_data) else patient_data
    warn_if_patient_data(request, *texts)
    return ServiceResult(ok=True, value=value)


def _show_stale(request, form, current) -> None:
    if isinstance(form, VersionedForm) and current is not None:
        form.show_stale(current)
        form.add_error(None, str(ConcurrentEditError.message))
    elif form is not None:
        form.add_error(None, str(CHANGED_MEANWHILE))
    else:
        messages.error(request, CHANGED_MEANWHILE)


def refusal_items(error: ValidationError, edit_url: str) -> list[dict]:
    """A refused step (``call_service(..., show_refusal=False)``) as error-summary items, each
    field's problem leading to that field on the page where it is written."""
    if not hasattr(error, "error_dict"):
        return [{"text": message} for message in error.messages]
    return [
        {"text": message, "href": f"{edit_url}#id_{name}"}
        for name, errors in error.message_dict.items()
        for message in errors
    ]
