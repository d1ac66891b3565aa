"""A risk entry's status, decided in one place (applied by ``core.services.status_change``,
each step kept as a ``RiskStatusChange`` with its reason).

    open ◀──────▶ closed        (closing and reopening each need a reason)

Who moves an entry: those who manage its register (``selectors.may_manage``).
"""

from arloesi.core.workflow import Transition, Workflow
from arloesi.risks.vocabulary import Status

RISK_WORKFLOW = Workflow(
    "risk",
    [Transition(Status.OPEN, Status.CLOSED), Transition(Status.CLOSED, Status.OPEN)],
)
