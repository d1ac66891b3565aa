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
            _("My projects"),
            "projects:mine",
            visible=lambda user: getattr(user, "is_authenticated", False),
            order=58,
        )
        _register_monitoring()


def _register_monitoring() -> None:
    """Monitoring: the schedule and the dashboard of the widest unit a person follows, and the
    home-page items their projects need from them."""
    from arloesi.core import attention, navigation
    from arloesi.core import permissions as core_permissions
    from arloesi.projects.permissions import Perm
    from arloesi.projects.selectors import monitoring_attention_for

    def follows_projects(user) -> bool:
        return core_permissions.can_anywhere(user, Perm.VIEW)

    navigation.register(_("Schedule"), "projects:schedule_home", visible=follows_projects, order=70)
    navigation.register(
        _("Project dashboard"), "projects:dashboard_home", visible=follows_projects, order=71
    )
    attention.register(monitoring_attention_for)
