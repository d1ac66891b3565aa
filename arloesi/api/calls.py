"""The one way an API view calls a service: ``core.service_calls.call_service``'s rules, as an
API answers them.

* ``PermissionDenied`` or ``Http404`` → 404 (never a 403 that says the thing exists);
* ``ValidationError`` → 422 with each problem by field, in the caller's language;
* a stale edit (``ConcurrentEditError``) or a status moved meanwhile → 409;
* every audit event the service records notes the token it was made with.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from arloesi.api import problems
from arloesi.api.problems import Problem
from arloesi.core import audit
from arloesi.core.audit import ConcurrentEditError
from arloesi.core.workflow import TransitionNotAllowedError


def how(request) -> str:
    return _("Through the API with the token “%(name)s”") % {"name": request.token.name}


def call[T](request, service: Callable[[], T]) -> T:
    try:
        with audit.noted(how(request)):
            return service()
    except (PermissionDenied, Http404):
        raise problems.not_found() from None
    except ConcurrentEditError as error:
        current = getattr(error, "current", None)
        raise Problem(
            409,
            _(
                "Someone else changed this after you read it (it is now version %(version)s). "
                "Read it again, then send your changes."
            )
            % {"version": getattr(current, "version", "?")},
        ) from None
    except TransitionNotAllowedError:
        raise Problem(
            409, _("Someone else changed this while you were looking at it: read it again.")
        ) from None
    except ValidationError as error:
        raise problems.validation(problems.errors_of(error)) from None


def form_errors(form) -> Problem:
    """A form's problems (the request's values checked as the page checks them) as a 422."""
    return problems.validation(problems.errors_of(form.errors))
