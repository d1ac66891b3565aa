"""How the authors' pages fetch the proposal they change."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from arloesi.proposals import selectors


def not_editable(request, proposal):
    messages.error(
        request,
        _("This proposal can no longer be changed: its status is “%(status)s”.")
        % {"status": proposal.get_status_display()},
    )
    return redirect("proposals:detail", proposal_id=proposal.pk)


def for_authors(view):
    """For pages that change a proposal: its authors only (404 for anyone else); once it can no
    longer be changed, a message on its page instead."""

    @login_required
    @wraps(view)
    def wrapper(request, proposal_id: int, **kwargs):
        proposal = selectors.proposal_for_authors(user=request.user, proposal_id=proposal_id)
        if not proposal.editable:
            return not_editable(request, proposal)
        return view(request, proposal, **kwargs)

    return wrapper


def page_number(value) -> int:
    try:
        return max(1, min(int(value), 100_000))
    except (TypeError, ValueError):
        return 1
