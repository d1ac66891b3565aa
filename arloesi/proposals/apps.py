from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "arloesi.proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from arloesi.proposals import permissions  # noqa: F401  (adds the proposal grants)

        _register_review()
        _register_authoring()
        _register_diagrams()
        _register_search()


def _register_review() -> None:
    """Review: the chooser for chairs, reviewers and the cluster leads who keep priorities, and
    the home-page items waiting for a reviewer's scores or a chair's decision."""
    from arloesi.core import attention, navigation
    from arloesi.core import permissions as core_permissions
    from arloesi.proposals.permissions import Perm
    from arloesi.proposals.selectors import attention as proposal_attention

    navigation.register(
        _("Reviews"),
        "proposals:review_home",
        visible=lambda user: any(
            core_permissions.can_anywhere(user, perm)
            for perm in (Perm.REVIEW, Perm.DECIDE, Perm.MANAGE_PRIORITIES)
        ),
        order=60,
    )
    attention.register(proposal_attention.review_attention_for)


def _register_authoring() -> None:
    """Writing proposals: the list for those who write or follow them, and the home-page items
    for drafts waiting for their authors and sponsorships waiting for a lead's confirmation."""
    from arloesi.core import attention, navigation
    from arloesi.core import permissions as core_permissions
    from arloesi.proposals.permissions import Perm
    from arloesi.proposals.selectors import attention as proposal_attention

    navigation.register(
        _("Proposals"),
        "proposals:list",
        visible=lambda user: (
            core_permissions.can_anywhere(user, Perm.CREATE)
            or core_permissions.can_anywhere(user, Perm.VIEW)
        ),
        order=50,
    )
    attention.register(proposal_attention.authoring_attention_for)


def _register_diagrams() -> None:
    """A proposal may have a driver diagram: the diagrams app asks this app who sees and changes
    it."""
    from arloesi.diagrams import owners
    from arloesi.proposals.selectors.diagrams import ProposalDiagrams

    owners.register(ProposalDiagrams())


def _register_search() -> None:
    """Finding learning (core.search) keeps every proposal; decided ones are listed Wales-wide."""
    from arloesi.proposals.selectors.writing import search

    search.register()
