from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagramsConfig(AppConfig):
    name = "arloesi.diagrams"
    verbose_name = _("Driver diagrams")

    def ready(self):
        from arloesi.core import navigation

        # Everyone signed in may make a diagram of their own and copy the shared templates.
        navigation.register(
            _("Driver diagrams"),
            "diagrams:list",
            visible=lambda user: getattr(user, "is_authenticated", False),
            order=55,
        )
