"""How learning moves, decided in one place: a learning record, a scale-up, and each cluster of
its roll-out (applied by ``core.services.status_change``; each step kept as a
``RecordStatusChange``, a ``ScaleUpStatusChange`` or a ``RolloutStageChange``). Pure: no
database.

A scale-up, drawn:

    nominated ──assess──▶ assessed ──decide──▶ approved
        │                    │          ├────▶ approved with conditions
        │                    │          └────▶ declined
        └────withdraw────────┴──withdraw──▶ withdrawn

The assessment (the six enablers) may be changed while nominated or assessed; it is sent for a
decision ("assessed") once every enabler has its rating and evidence. Who decides follows the
footprint (``learning.permissions``). Approved, approved with conditions, declined and withdrawn
are final.

A cluster in an approved scale-up's roll-out:

    planned ──▶ preparing ──▶ live ──▶ sustained
       │            │           │
       └────────────┴───────────┴──▶ not going ahead
"""

from arloesi.core.workflow import Transition, Workflow
from arloesi.learning.vocabulary import RecordStatus, RolloutStage, ScaleUpStatus

# --- Learning records ---------------------------------------------------------------------------
# Drawn:
#
#     draft ──submit──▶ submitted ──approve──▶ published ──withdraw──▶ withdrawn
#       ▲                   │
#       └──return (reason)──┘
#
# The team submits; the cluster lead of the record's cluster approves or returns it (with the
# reason); a published record is withdrawn with the reason by its lead or its team.
RECORD_WORKFLOW = Workflow(
    "learning record",
    [
        Transition(RecordStatus.DRAFT, RecordStatus.SUBMITTED),
        Transition(RecordStatus.SUBMITTED, RecordStatus.PUBLISHED),
        Transition(RecordStatus.SUBMITTED, RecordStatus.DRAFT),
        Transition(RecordStatus.PUBLISHED, RecordStatus.WITHDRAWN),
    ],
)

# --- Scale-up ----------------------------------------------------------------------------------
SCALE_UP_WORKFLOW = Workflow(
    "scale-up",
    [
        Transition(ScaleUpStatus.NOMINATED, ScaleUpStatus.ASSESSED),
        Transition(ScaleUpStatus.NOMINATED, ScaleUpStatus.WITHDRAWN),
        Transition(ScaleUpStatus.ASSESSED, ScaleUpStatus.APPROVED),
        Transition(ScaleUpStatus.ASSESSED, ScaleUpStatus.APPROVED_WITH_CONDITIONS),
        Transition(ScaleUpStatus.ASSESSED, ScaleUpStatus.DECLINED),
        Transition(ScaleUpStatus.ASSESSED, ScaleUpStatus.WITHDRAWN),
    ],
)

# The scale-ups still being assessed or waiting for a decision.
OPEN_STATUSES = (ScaleUpStatus.NOMINATED, ScaleUpStatus.ASSESSED)
# The scale-ups that go ahead: seen by everyone signed in, with their roll-out.
APPROVED_STATUSES = (ScaleUpStatus.APPROVED, ScaleUpStatus.APPROVED_WITH_CONDITIONS)
DECISIONS = (
    ScaleUpStatus.APPROVED,
    ScaleUpStatus.APPROVED_WITH_CONDITIONS,
    ScaleUpStatus.DECLINED,
)

ROLLOUT_WORKFLOW = Workflow(
    "roll-out site",
    [
        Transition(RolloutStage.PLANNED, RolloutStage.PREPARING),
        Transition(RolloutStage.PREPARING, RolloutStage.LIVE),
        Transition(RolloutStage.LIVE, RolloutStage.SUSTAINED),
        Transition(RolloutStage.PLANNED, RolloutStage.NOT_PROCEEDING),
        Transition(RolloutStage.PREPARING, RolloutStage.NOT_PROCEEDING),
        Transition(RolloutStage.LIVE, RolloutStage.NOT_PROCEEDING),
    ],
)
