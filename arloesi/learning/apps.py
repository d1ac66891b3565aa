from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "arloesi.learning"
    verbose_name = _("Learning")

    def ready(self):
        _register_finding()


def _register_finding() -> None:
    """Finding learning: published learning records in the search index (core.search). The
    search page has no header entry of its own: another entry pushes "Your account" under
    "More" on a practitioner's header; it is reached from the learning pages."""
    from arloesi.learning.selectors import finding

    finding.register()
