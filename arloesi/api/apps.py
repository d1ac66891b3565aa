from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "arloesi.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from arloesi.api.tasks import token_uses_prune_schedule
        from arloesi.core.tasks import register_recurring
        from arloesi.organisations import account

        # The use log is pruned once a day by the worker (seeded after migrate and at its start).
        register_recurring(token_uses_prune_schedule)

        account.register(
            _("API access tokens"),
            "api:tokens",
            _(
                "Programs you use can read and change what you may in Arloesi through its API, "
                "with a personal access token you create here."
            ),
        )
