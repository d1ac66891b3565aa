from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _schedule_pruning(sender, **kwargs) -> None:
    from arloesi.core.tasks import recurring_seed

    recurring_seed()


class CoreConfig(AppConfig):
    name = "arloesi.core"
    verbose_name = _("Core")

    def ready(self):
        # Every deployment runs migrate: after it, finished task results are pruned on a schedule.
        post_migrate.connect(_schedule_pruning, sender=self, dispatch_uid="arloesi-prune-tasks")
