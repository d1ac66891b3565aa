from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "arloesi.measures"
    verbose_name = _("Measures")

    def ready(self):
        from django.urls import reverse

        from arloesi.projects import links

        links.register(
            _("Measures and their charts"),
            lambda project: reverse("measures:list", kwargs={"project_id": project.pk}),
        )
