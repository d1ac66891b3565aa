from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "arloesi.projects"
    verbose_name = _("Projects")

    def ready(self):
        from arloesi.core import navigation
        from arloesi.diagrams import owners
        from arloesi.projects import permissions  # noqa: F401  (adds the project grants)
        from arloesi.projects.selectors import ProjectDiagrams

        owners.register(ProjectDiagrams())
        # Anyone signed in may be on a project's team (the authors of an approved proposal);
        # the page says how a project starts when they are on none.
        navigation.register(
            _("My projects"),
            "projects:mine",
            visible=lambda user: getattr(user, "is_authenticated", False),
            order=58,
        )
