from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "arloesi.projects"
    verbose_name = _("Projects")

    def ready(self):
        from arloesi.core.tasks import register_recurring
        from arloesi.diagrams import owners
        from arloesi.projects import permissions  # noqa: F401  (adds the project grants)
        from arloesi.projects.selectors import ProjectDiagrams
        from arloesi.projects.tasks import reminders_send_schedule

        owners.register(ProjectDiagrams())
        # Reminders are sent every morning by the worker (seeded after migrate and at its start).
        register_recurring(reminders_send_schedule)
