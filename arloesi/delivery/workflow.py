"""A task's statuses, decided in one place (applied by ``core.services.status_change``, each step
kept as a ``TaskStatusChange``).

    not started ──▶ in progress ──▶ done
         │  ▲            │  ▲
         │  └────────────┘  └──── (done reopened: back to in progress)
         └──────────────┴──────▶ cancelled ──▶ not started (taken up again)

Who moves a task: the cluster's and collaboratives' leads (``delivery.manage``) and the person
it is assigned to, checked by the service.
"""

from arloesi.core.workflow import Transition, Workflow
from arloesi.delivery.vocabulary import TaskStatus

TASK_WORKFLOW = Workflow(
    "task",
    [
        Transition(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS),
        Transition(TaskStatus.NOT_STARTED, TaskStatus.CANCELLED),
        Transition(TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED),
        Transition(TaskStatus.IN_PROGRESS, TaskStatus.DONE),
        Transition(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED),
        Transition(TaskStatus.DONE, TaskStatus.IN_PROGRESS),
        Transition(TaskStatus.CANCELLED, TaskStatus.NOT_STARTED),
    ],
)
