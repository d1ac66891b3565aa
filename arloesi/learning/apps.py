from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "arloesi.learning"
    verbose_name = _("Learning")

    def ready(self):
        from arloesi.learning import permissions  # noqa: F401  (adds the learning grants)

        _register_scaling()


def _register_scaling() -> None:
    """Scale-up: the way in from a project's page (its scale-ups, and nominating it) and the
    decisions waiting on the home page of those who decide. (The list of scale-ups,
    ``learning:scale_ups``, is not in the header, which has no room left: the learning app's
    own entry leads to it.)"""
    from django.urls import reverse

    from arloesi.core import attention
    from arloesi.learning.selectors import scaling_attention_for
    from arloesi.projects import links

    links.register(
        _("Scale-up"),
        lambda project: reverse("learning:project_scale_ups", kwargs={"project_id": project.pk}),
    )
    attention.register(scaling_attention_for)
