from arloesi.learning.models.adoption import Adoption
from arloesi.learning.models.records import LearningRecord, RecordStatusChange, RecordTag
from arloesi.learning.models.resources import Resource
from arloesi.learning.models.scaling import (
    EnablerAssessment,
    RolloutSite,
    RolloutStageChange,
    ScaleUp,
    ScaleUpStatusChange,
)

__all__ = [
    "Adoption",
    "EnablerAssessment",
    "LearningRecord",
    "RecordStatusChange",
    "RecordTag",
    "Resource",
    "RolloutSite",
    "RolloutStageChange",
    "ScaleUp",
    "ScaleUpStatusChange",
]
