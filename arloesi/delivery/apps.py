from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "arloesi.delivery"
    verbose_name = _("Delivery")

    def ready(self):
        from arloesi.delivery import permissions  # noqa: F401  (adds the delivery grants)
