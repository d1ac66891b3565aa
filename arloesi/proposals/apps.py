from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "arloesi.proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from arloesi.proposals import permissions  # noqa: F401  (adds the proposal grants)
