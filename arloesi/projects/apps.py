from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "arloesi.projects"
    verbose_name = _("Projects")

    def ready(self):
        from arloesi.core import navigation
        from arloesi.core.tasks import register_recurring
        from arloesi.diagrams import owners
        from arloesi.projects import permissions  # noqa: F401  (adds the project grants)
        from arloesi.projects.selectors import ProjectDiagrams
        from arloesi.projects.tasks import reminders_send_schedule

        owners.register(ProjectDiagrams())
        # Reminders are sent every morning by the worker (seeded after migrate and at its start).
        register_recurring(reminders_send_schedule)
        # Anyone signed in may be on a project's team (the authors of an approved proposal);
        # the page says how a project starts when they are on none.
        navigation.register(
            _("Projects"),
            "projects:mine",
            visible=lambda user: getattr(user, "is_authenticated", False),
            order=58,
        )
        _register_monitoring()
        _register_search()


def _register_monitoring() -> None:
    """Monitoring: the home-page items a person's projects need from them. (The navigation's
    "Projects" page leads to the schedule and dashboard of the widest unit they follow: the
    header has room for few entries.)"""
    from arloesi.core import attention
    from arloesi.projects.selectors import monitoring_attention_for

    attention.register(monitoring_attention_for)


def _register_search() -> None:
    """Finding learning (core.search) keeps every project, for those who may see it."""
    from arloesi.projects.selectors import search

    search.register()
