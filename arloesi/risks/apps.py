from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisksConfig(AppConfig):
    name = "arloesi.risks"
    verbose_name = _("Risks")

    def ready(self):
        from arloesi.core import navigation, permissions
        from arloesi.risks.permissions import Perm

        navigation.register(
            _("Risk registers"),
            "risks:home",
            visible=lambda user: permissions.can_anywhere(user, Perm.VIEW),
            order=62,
        )
