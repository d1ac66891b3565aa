from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "arloesi.projects"
    verbose_name = _("Projects")

    def ready(self):
        from arloesi.diagrams import owners
        from arloesi.projects import permissions  # noqa: F401  (adds the project grants)
        from arloesi.projects.selectors import ProjectDiagrams

        owners.register(ProjectDiagrams())
