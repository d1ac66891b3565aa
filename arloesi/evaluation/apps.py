from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "arloesi.evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from django.urls import reverse

        from arloesi.core import navigation, permissions
        from arloesi.projects import links
        from arloesi.projects.permissions import Perm

        links.register(
            _("Evaluation: logic model and reports"),
            lambda project: reverse("evaluation:project", kwargs={"project_id": project.pk}),
        )
        # The four-outcomes dashboard of the widest unit the person follows: for everyone who
        # monitors projects somewhere (the projects dashboard has no registry of links). Last
        # but the account: where the header runs out of room (an administrator's), it is this
        # entry that goes under "More", not the administrators' own pages.
        navigation.register(
            _("Evaluation"),
            "evaluation:dashboard_home",
            visible=lambda user: permissions.can_anywhere(user, Perm.VIEW),
            order=220,
        )
