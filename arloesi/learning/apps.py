from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "arloesi.learning"
    verbose_name = _("Learning")

    def ready(self):
        from arloesi.learning import permissions  # noqa: F401  (adds the learning grants)

        _register_records()
        _register_finding()
        _register_scaling()


def _register_records() -> None:
    """Learning records, adoption and resources: the way in from a project's page, the origin
    shown on an adopted proposal, guidance links on the screens where they help, the header
    entry and the records waiting for a cluster lead's approval."""
    from django.urls import reverse

    from arloesi.core import attention, guidance, navigation
    from arloesi.learning import selectors
    from arloesi.projects import links
    from arloesi.proposals import links as proposal_links

    links.register(
        _("Learning records"),
        lambda project: reverse("learning:project_records", kwargs={"project_id": project.pk}),
    )
    proposal_links.register(selectors.proposal_origin)
    guidance.register(selectors.resources_guidance)
    # Shared learning is for everyone signed in.
    navigation.register(
        _("Learning"),
        "learning:published",
        visible=lambda user: True,
        order=230,
    )
    attention.register(selectors.records_attention_for)


def _register_scaling() -> None:
    """Scale-up: the way in from a project's page (its scale-ups, and nominating it) and the
    decisions waiting on the home page of those who decide. (The list of scale-ups,
    ``learning:scale_ups``, is not in the header, which has no room left: the learning app's
    own entry leads to it.)"""
    from django.urls import reverse

    from arloesi.core import attention
    from arloesi.learning.selectors import scaling_attention_for
    from arloesi.projects import links

    links.register(
        _("Scale-up"),
        lambda project: reverse("learning:project_scale_ups", kwargs={"project_id": project.pk}),
    )
    attention.register(scaling_attention_for)


def _register_finding() -> None:
    """Finding learning: published learning records in the search index (core.search). The
    search page has no header entry of its own: another entry pushes "Your account" under
    "More" on a practitioner's header; it is reached from the learning pages."""
    from arloesi.learning.selectors import finding

    finding.register()
