"""Risk registers' data: the **register** (entries, their rescorings, actions and status
changes) and each health board's **settings** (bands, review intervals, escalation score)."""

from arloesi.risks.models.register import Rescore, RiskAction, RiskEntry, RiskStatusChange
from arloesi.risks.models.settings import RiskMatrixSettings

__all__ = ["Rescore", "RiskAction", "RiskEntry", "RiskMatrixSettings", "RiskStatusChange"]
