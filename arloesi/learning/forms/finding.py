"""The finding-learning search form: words, and filters by kind, priority area, kind of
innovation, health board, cluster, outcome and date. Read from the address (GET)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.learning.vocabulary import InnovationType, PriorityArea
from arloesi.projects.vocabulary import Outcome
from arloesi.proposals.workflow import Status

KINDS = [
    ("learning_record", _("Learning records")),
    ("project", _("Projects")),
    ("proposal", _("Decided proposals")),
]
OUTCOMES = [
    (Status.APPROVED.value, _("Proposal approved")),
    (Status.APPROVED_WITH_CONDITIONS.value, _("Proposal approved with conditions")),
    (Status.DECLINED.value, _("Proposal declined")),
    *[(value, label) for value, label in Outcome.choices],
]
ANYWHERE = [("", _("Anywhere in Wales"))]
ANYTHING = [("", _("Everything"))]
ALL_CLUSTERS = [("", _("Every cluster"))]
ANY = [("", _("Any"))]


class FindingForm(forms.Form):
    q = fields.text(_("Search for"), required=False, max_length=200)
    # One value each (selects: a page of checkboxes cost more to draw than the search itself).
    kind = fields.choice(_("What to find"), ANYTHING + KINDS, required=False, widget=forms.Select)
    priority = fields.choice(
        _("Priority area"), ANY + PriorityArea.choices, required=False, widget=forms.Select
    )
    innovation = fields.choice(
        _("Kind of innovation"), ANY + InnovationType.choices, required=False, widget=forms.Select
    )
    outcome = fields.choice(_("Outcome"), ANY + OUTCOMES, required=False, widget=forms.Select)
    health_board = fields.choice(_("Health board"), required=False, widget=forms.Select)
    cluster = fields.choice(
        _("Cluster"),
        required=False,
        widget=forms.Select,
        hint=_("Choose a health board to list its clusters"),
    )
    date_from = fields.date(_("From"), required=False)
    date_to = fields.date(_("To"), required=False)

    def __init__(self, *args, health_boards=(), clusters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["health_board"].choices = ANYWHERE + [
            (str(p.pk), p.name) for p in health_boards
        ]
        self.fields["cluster"].choices = ALL_CLUSTERS + [(str(p.pk), p.name) for p in clusters]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date must be the same as or after the start date"))
        return data
