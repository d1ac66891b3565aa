"""A project's stages, decided in one place (applied by ``core.services.status_change``, each
step kept as a ``ProjectStageChange``).

    pilot or mobilising ──▶ delivering ──▶ evaluating ──▶ closed
            │                   │  ▲            │       (mainstreamed, candidate for scale-up
            │                   │  └────────────┘        or stopped, with reasons)
            └───────────────────┴──────────────────────▶ closed (stopped early)

Who moves a project: its team and its leads (``selectors.may_change``), checked by the service.
Closing needs an outcome and its reasons. Closed is final.
"""

from arloesi.core.workflow import Transition, Workflow
from arloesi.projects.vocabulary import Stage

PROJECT_WORKFLOW = Workflow(
    "project",
    [
        Transition(Stage.PILOT, Stage.DELIVERING),
        Transition(Stage.PILOT, Stage.CLOSED),
        Transition(Stage.DELIVERING, Stage.EVALUATING),
        Transition(Stage.DELIVERING, Stage.CLOSED),
        Transition(Stage.EVALUATING, Stage.DELIVERING),
        Transition(Stage.EVALUATING, Stage.CLOSED),
    ],
)
