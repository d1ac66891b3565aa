from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "arloesi.learning"
    verbose_name = _("Learning")

    def ready(self):
        _register_records()


# --- Learning records, adoption and resources -------------------------------------------------
def _register_records() -> None:
    from django.urls import reverse

    from arloesi.core import attention, guidance, navigation
    from arloesi.learning import (
        permissions,  # noqa: F401 - adds the learning permissions
        selectors,
    )
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
