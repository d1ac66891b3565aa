"""The words delivery is described in: a task's status and the kinds of delivery group. Pure
(no database), shared by models, forms, selectors and templates; public vocabulary."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


# A task in one of these still needs its hours (demand, and the allocation's work).
OPEN_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)


class GroupKind(models.TextChoices):
    COLLABORATIVE = "collaborative", _("Professional collaborative")
    PRACTICE_TEAM = "practice_team", _("Practice team")
    NAMED_GROUP = "named_group", _("Named group")


# The maintained list of skills as first seeded (code, English, Welsh); kept in the database
# afterwards (``Skill``), where administrators add to it or retire a skill.
DEFAULT_SKILLS = (
    ("gp", "GP", "Meddyg teulu"),
    ("practice_nurse", "Practice nurse", "Nyrs practis"),
    ("pharmacist", "Pharmacist", "Fferyllydd"),
    ("pharmacy_technician", "Pharmacy technician", "Technegydd fferyllfa"),
    ("data_analyst", "Data analyst", "Dadansoddwr data"),
    ("project_manager", "Project manager", "Rheolwr prosiect"),
    ("receptionist", "Receptionist", "Derbynnydd"),
    ("practice_manager", "Practice manager", "Rheolwr practis"),
    ("physiotherapist", "Physiotherapist", "Ffisiotherapydd"),
    ("healthcare_support_worker", "Healthcare support worker", "Gweithiwr cymorth gofal iechyd"),
    ("optometrist", "Optometrist", "Optometrydd"),
    ("social_prescriber", "Social prescriber", "Rhagnodwr cymdeithasol"),
)


# How a task names itself as the source of a risk entry it raised (risks.services).
RISK_SOURCE_KIND = "delivery.task"
