"""Files attached to a proposal: adding and removing them (its authors), and downloading them
(everyone who may see the proposal; always as a download, never shown in the browser)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core import downloads
from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.proposals import selectors, services
from arloesi.proposals.forms import writing as forms
from arloesi.proposals.views.writing.guards import for_authors


@for_authors
@require_http_methods(["GET", "POST"])
def proposal_attachments(request, proposal):
    form = forms.AttachmentForm(
        posted(request), request.FILES if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        result = call_service(
            request,
            lambda: services.attachment_add(
                actor=request.user, proposal=proposal, upload=form.cleaned_data["file"]
            ),
            form=form,
            success=lambda attachment: (
                _("%(name)s has been attached.") % {"name": attachment.original_name}
            ),
        )
        if result.ok:
            return redirect("proposals:attachments", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/writing/attachments.html",
        {
            "proposal": proposal,
            "form": form,
            "attachments": selectors.attachments_of(proposal),
            "removable": True,
        },
    )


@for_authors
@require_POST
def attachment_remove(request, proposal, attachment_id: int):
    attachment = selectors.attachment_of(proposal=proposal, attachment_id=attachment_id)
    call_service(
        request,
        lambda: services.attachment_remove(actor=request.user, attachment=attachment),
        success=_("%(name)s has been removed.") % {"name": attachment.original_name},
    )
    return redirect("proposals:attachments", proposal_id=proposal.pk)


@login_required
def attachment_download(request, proposal_id: int, attachment_id: int):
    attachment = selectors.attachment_get_for_user(
        user=request.user, proposal_id=proposal_id, attachment_id=attachment_id
    )
    try:
        return downloads.file_response(
            attachment.file,
            actor=request.user,
            subject=attachment,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
    except FileNotFoundError:
        raise Http404 from None
