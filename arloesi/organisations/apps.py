from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "arloesi.organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from arloesi.core import attention, navigation, permissions
        from arloesi.organisations import selectors
        from arloesi.organisations.middleware import start_idle_clock
        from arloesi.organisations.roles import Perm

        navigation.register(_("Home"), "home", visible=lambda user: True, order=0)
        navigation.register(
            _("Organisations"), "organisations:directory", visible=lambda user: True, order=90
        )
        navigation.register(
            _("Import"),
            "organisations:import",
            visible=lambda user: permissions.can_anywhere(user, Perm.IMPORT),
            order=200,
        )
        navigation.register(
            _("Sign-in activity"),
            "organisations:sign_in_activity",
            visible=lambda user: permissions.can_anywhere(user, Perm.VIEW_SIGN_IN_ACTIVITY),
            order=210,
        )
        # "Your account" is the person's name in the header's account area, beside "Sign out",
        # not an entry of the navigation, which has no room to spare.
        attention.register(selectors.attention_for)
        user_logged_in.connect(start_idle_clock, dispatch_uid="arloesi-idle-clock")
