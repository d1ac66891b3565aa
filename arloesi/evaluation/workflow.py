"""How an evaluation report moves. Drawn:

    draft ──issue──▶ issued ──withdraw──▶ withdrawn

An issued report is the record of what the team found: it is never edited. A mistake is put
right by withdrawing it (with the reason) and issuing a new one.
"""

from arloesi.core.workflow import Transition, Workflow
from arloesi.evaluation.vocabulary import ReportStatus

REPORT_WORKFLOW = Workflow(
    "evaluation report",
    [
        Transition(ReportStatus.DRAFT, ReportStatus.ISSUED),
        Transition(ReportStatus.ISSUED, ReportStatus.WITHDRAWN),
    ],
)
