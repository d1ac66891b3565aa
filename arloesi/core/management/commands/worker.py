"""``arloesi worker``: the background task worker (django_tasks_db's ``db_worker``), which also
makes sure finished task results are pruned on schedule (core.tasks.task_results_prune) and
every other app's recurring task is waiting (core.tasks.register_recurring)."""

from django_tasks_db.management.commands import db_worker

from arloesi.core.tasks import recurring_seed


class Command(db_worker.Command):
    help = "Run the background task worker; finished task results are pruned every hour."

    def handle(self, *args, **options):
        recurring_seed()
        return super().handle(*args, **options)
