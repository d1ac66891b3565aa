from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "arloesi.learning"
    verbose_name = _("Learning")

    def ready(self):
        _register_finding()


def _register_finding() -> None:
    """Finding learning: published learning records in the search index (core.search), and the
    search page in everyone's navigation (signed out too: public records are for everyone)."""
    from arloesi.core import navigation
    from arloesi.learning.selectors import finding

    finding.register()
    navigation.register(_("Find learning"), "learning:find", visible=lambda user: True, order=40)
