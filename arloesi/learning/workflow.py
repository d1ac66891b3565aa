"""How learning moves: pure tables of the allowed steps (``core.workflow``)."""

from arloesi.core.workflow import Transition, Workflow
from arloesi.learning.vocabulary import RecordStatus

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
