from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "arloesi.evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from django.urls import reverse

        from arloesi.projects import links

        links.register(
            _("Evaluation: logic model and reports"),
            lambda project: reverse("evaluation:project", kwargs={"project_id": project.pk}),
        )
