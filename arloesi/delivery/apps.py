from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "arloesi.delivery"
    verbose_name = _("Delivery")

    def ready(self):
        from arloesi.core import navigation, permissions
        from arloesi.delivery.permissions import Perm

        # The people of a cluster give their hours there; from the page they reach its tasks.
        navigation.register(
            _("My capacity"),
            "delivery:my_capacity",
            visible=lambda user: permissions.can_anywhere(user, Perm.WORK),
            order=62,
        )
