from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "arloesi.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from arloesi.organisations import account

        account.register(
            _("API access tokens"),
            "api:tokens",
            _(
                "Programs you use can read and change what you may in Arloesi through its API, "
                "with a personal access token you create here."
            ),
        )
