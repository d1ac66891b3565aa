from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "arloesi.delivery"
    verbose_name = _("Delivery")

    def ready(self):
        from django.urls import reverse

        from arloesi.core import navigation, permissions
        from arloesi.delivery.permissions import Perm
        from arloesi.projects import links

        # A project's page leads to its cluster's tasks (broken down from its change ideas).
        links.register(
            _("Tasks, capacity and allocation in the cluster"),
            lambda project: reverse(
                "delivery:board", kwargs={"unit_id": project.lead_collaborative.parent_id}
            ),
        )

        # The people of a cluster give their hours there; from the page they reach its tasks.
        navigation.register(
            _("My capacity"),
            "delivery:my_capacity",
            visible=lambda user: permissions.can_anywhere(user, Perm.WORK),
            order=62,
        )
