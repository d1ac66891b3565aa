"""The words learning is described in: tags on a learning record, the record's status, how a
cluster took up someone else's innovation, the six transformation enablers of a scale-up and
their ratings, where a scale-up goes and how it is decided, a cluster's place in a roll-out.
Pure (no database), shared by models, forms, selectors and templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from arloesi.organisations.roles import Profession
from arloesi.proposals.workflow import InnovationType

# Tags reuse the vocabularies the rest of the product already speaks.
__all__ = ["InnovationType", "Profession"]


class PriorityArea(models.TextChoices):
    """National priority areas a learning record is filed under (the repository's headings)."""

    ACCESS = "access", _("Access to services")
    URGENT_CARE = "urgent_care", _("Urgent and emergency care")
    MENTAL_HEALTH = "mental_health", _("Mental health and wellbeing")
    PREVENTION = "prevention", _("Prevention and healthy lifestyles")
    LONG_TERM_CONDITIONS = "long_term_conditions", _("Long-term conditions")
    MEDICINES = "medicines", _("Medicines and prescribing")
    OLDER_PEOPLE = "older_people", _("Older and frail people")
    CHILDREN = "children", _("Children and young people")
    WORKFORCE = "workforce", _("Workforce and wellbeing of staff")
    DIGITAL = "digital", _("Digital and technology")
    INEQUALITIES = "inequalities", _("Health inequalities")
    ENVIRONMENT = "environment", _("Environmental sustainability")


class PopulationGroup(models.TextChoices):
    ALL = "all", _("Whole population")
    CHILDREN = "children", _("Children and young people")
    WORKING_AGE = "working_age", _("Working-age adults")
    OLDER_PEOPLE = "older_people", _("Older people")
    CARE_HOMES = "care_homes", _("Care home residents")
    CARERS = "carers", _("Unpaid carers")
    DEPRIVED = "deprived", _("People in deprived areas")
    RURAL = "rural", _("Rural communities")
    WELSH_SPEAKERS = "welsh_speakers", _("Welsh speakers")
    HOMELESS = "homeless", _("People experiencing homelessness")


class RecordStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AdoptionKind(models.TextChoices):
    ADOPT = "adopt", _("Adopted as it was")
    ADAPT = "adapt", _("Adapted")


class Enabler(models.TextChoices):
    """The six transformation enablers of the Pacesetter appraisal, in its order."""

    FACILITATING = "facilitating", _("Facilitating")
    LEADING = "leading", _("Leading")
    LEARNING = "learning", _("Learning")
    ENGAGING = "engaging", _("Engaging")
    FUNDING = "funding", _("Funding")
    EVALUATING = "evaluating", _("Evaluating")


class EnablerRating(models.TextChoices):
    NOT_ASSESSED = "", _("Not assessed yet")
    NOT_IN_PLACE = "not_in_place", _("Not in place")
    PARTLY = "partly", _("Partly in place")
    IN_PLACE = "in_place", _("In place")


class Footprint(models.TextChoices):
    """How far a pilot is to be taken; it decides who decides."""

    HEALTH_BOARD = "health_board", _("Health board")
    WALES = "wales", _("All of Wales")


class ScaleUpStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    ASSESSED = "assessed", _("Assessed, waiting for a decision")
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CONDITIONS = "approved_with_conditions", _("Approved with conditions")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RolloutStage(models.TextChoices):
    """Where a named cluster is in a scale-up's roll-out."""

    PLANNED = "planned", _("Planned")
    PREPARING = "preparing", _("Preparing")
    LIVE = "live", _("Live")
    SUSTAINED = "sustained", _("Sustained")
    NOT_PROCEEDING = "not_proceeding", _("Not going ahead")
