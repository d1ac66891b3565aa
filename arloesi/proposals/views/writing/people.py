"""The people who write and sponsor a proposal: sponsoring collaboratives and their leads'
confirmation, co-authors and the invitations they accept or decline."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arloesi.core.forms import posted
from arloesi.core.service_calls import call_service
from arloesi.core.text import search_terms
from arloesi.proposals import selectors, services
from arloesi.proposals.forms import writing as forms
from arloesi.proposals.views.writing.guards import for_authors


@for_authors
@require_http_methods(["GET", "POST"])
def proposal_sponsors(request, proposal):
    query = search_terms(request.POST.get("q") or request.GET.get("q"))
    page = selectors.sponsors_page(proposal=proposal, query=query)
    form = forms.SponsorForm(posted(request), collaboratives=page.others)
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen()
        result = call_service(
            request,
            lambda: services.sponsor_add(
                actor=request.user, proposal=proposal, collaborative=chosen
            ),
            form=form,
            success=_("%(collaborative)s has been added. Its lead will be asked to confirm.")
            % {"collaborative": chosen.name},
        )
        if result.ok:
            return redirect("proposals:sponsors", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/writing/sponsors.html",
        {"proposal": proposal, "form": form, "page": page},
    )


@for_authors
@require_POST
def sponsor_remove(request, proposal, sponsor_id: int):
    sponsor = selectors.sponsor_of(proposal=proposal, sponsor_id=sponsor_id)
    call_service(
        request,
        lambda: services.sponsor_remove(actor=request.user, sponsor=sponsor),
        success=_("%(collaborative)s no longer sponsors this proposal.")
        % {"collaborative": sponsor.collaborative.name},
    )
    return redirect("proposals:sponsors", proposal_id=proposal.pk)


@login_required
@require_http_methods(["GET", "POST"])
def sponsor_confirm(request, proposal_id: int, sponsor_id: int):
    """The sponsoring collaborative's lead confirms it sponsors the proposal."""
    sponsor = selectors.sponsor_for_lead(
        user=request.user, proposal_id=proposal_id, sponsor_id=sponsor_id
    )
    if request.method == "POST":
        call_service(
            request,
            lambda: services.sponsor_confirm(actor=request.user, sponsor=sponsor),
            success=_("You have confirmed that %(collaborative)s sponsors this proposal.")
            % {"collaborative": sponsor.collaborative.name},
        )
        return redirect("proposals:detail", proposal_id=proposal_id)
    return render(
        request,
        "proposals/writing/sponsor_confirm.html",
        {"proposal": sponsor.proposal, "sponsor": sponsor},
    )


@for_authors
@require_http_methods(["GET", "POST"])
def proposal_authors(request, proposal):
    form = forms.CoAuthorForm(posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        result = call_service(
            request,
            lambda: services.co_author_invite(actor=request.user, proposal=proposal, email=email),
            form=form,
            # The same words whether or not anyone signs in with the address.
            success=_(
                "We have asked %(email)s to co-author the proposal. If they can sign in to "
                "Arloesi, they will find the invitation there; they become a co-author when "
                "they accept."
            )
            % {"email": email},
        )
        if result.ok:
            return redirect("proposals:authors", proposal_id=proposal.pk)
    return render(
        request,
        "proposals/writing/authors.html",
        {"proposal": proposal, "form": form, "page": selectors.authors_page(proposal=proposal)},
    )


@for_authors
@require_POST
def author_remove(request, proposal, author_id: int):
    author = selectors.author_of(proposal=proposal, author_id=author_id)
    call_service(
        request,
        lambda: services.proposal_author_remove(actor=request.user, author=author),
        success=_("%(name)s is no longer a co-author.") % {"name": author.person.full_name},
    )
    return redirect("proposals:authors", proposal_id=proposal.pk)


@for_authors
@require_POST
def co_author_invitation_withdraw(request, proposal, invitation_id: int):
    invitation = selectors.invitation_of(proposal=proposal, invitation_id=invitation_id)
    call_service(
        request,
        lambda: services.co_author_invitation_withdraw(actor=request.user, invitation=invitation),
        success=_("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email},
    )
    return redirect("proposals:authors", proposal_id=proposal.pk)


@login_required
def co_author_invitations(request):
    """The invitations to co-author waiting for the reader's reply."""
    return render(
        request,
        "proposals/writing/co_author_invitations.html",
        {"invitations": selectors.co_author_invitations_for(user=request.user)},
    )


@login_required
@require_POST
def co_author_invitation_answer(request, invitation_id: int):
    invitation = selectors.co_author_invitation_for(user=request.user, invitation_id=invitation_id)
    title = invitation.proposal.title
    if request.POST.get("answer") == "accept":
        result = call_service(
            request,
            lambda: services.co_author_invitation_accept(actor=request.user, invitation=invitation),
            success=_("You are now a co-author of “%(title)s”.") % {"title": title},
        )
        if result.ok:
            return redirect("proposals:detail", proposal_id=invitation.proposal_id)
    elif request.POST.get("answer") == "decline":
        call_service(
            request,
            lambda: services.co_author_invitation_decline(
                actor=request.user, invitation=invitation
            ),
            success=_("You have declined to co-author “%(title)s”.") % {"title": title},
        )
    return redirect("proposals:co_author_invitations")
