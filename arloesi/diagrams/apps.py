from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagramsConfig(AppConfig):
    name = "arloesi.diagrams"
    verbose_name = _("Driver diagrams")

    def ready(self):
        from arloesi.core import navigation

        # Anyone signed in may keep diagrams of their own (and see those shared as templates).
        navigation.register(
            _("Driver diagrams"), "diagrams:list", visible=lambda user: True, order=70
        )
