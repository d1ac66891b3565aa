"""The proposals list's search and filters: words, status, health board, cluster, local
priority, kind of innovation and the dates proposals were submitted or decided. Read from the
address (GET); a value that is not among the choices is shown as an error and left out."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.proposals.selectors.writing.listing import (
    DECIDED,
    MAX_WORDS_LENGTH,
    SUBMITTED,
)
from arloesi.proposals.workflow import InnovationType, Status

DATES_OF = [(SUBMITTED, _("Date submitted")), (DECIDED, _("Date decided"))]


class ProposalListForm(forms.Form):
    q = fields.text(
        _("Search for"),
        required=False,
        max_length=MAX_WORDS_LENGTH,
        hint=_("Words in the title, the problem or the pitch"),
    )
    status = fields.choice(
        _("Status"), [("", _("All statuses")), *Status.choices], required=False,
        widget=forms.Select,
    )  # fmt: skip
    health_board = fields.choice(_("Health board"), required=False, widget=forms.Select)
    cluster = fields.choice(
        _("Cluster"),
        required=False,
        widget=forms.Select,
        hint=_("Choose a health board to list its clusters"),
    )
    priority = fields.choice(
        _("Local priority"),
        required=False,
        widget=forms.Select,
        hint=_("Choose a health board to list its local priorities"),
    )
    innovation = fields.choice(
        _("Kind of innovation"),
        [("", _("Any")), *InnovationType.choices],
        required=False,
        widget=forms.Select,
    )
    dates_of = fields.choice(_("Which date"), DATES_OF, required=False, widget=forms.Select)
    date_from = fields.date(_("From"), required=False)
    date_to = fields.date(_("To"), required=False)

    def __init__(self, data=None, *, options):
        if data is not None:
            # A cluster or priority of another health board (the board was changed): left out.
            data = data.copy()
            for name, places in (("cluster", options.clusters), ("priority", options.priorities)):
                if data.get(name) and data.get(name) not in {str(p.pk) for p in places}:
                    data.pop(name)
        super().__init__(data)
        self.fields["health_board"].choices = [("", _("Anywhere in Wales"))] + [
            (str(p.pk), p.name) for p in options.health_boards
        ]
        self.fields["cluster"].choices = [("", _("Every cluster"))] + [
            (str(p.pk), p.name) for p in options.clusters
        ]
        self.fields["priority"].choices = [("", _("Any local priority"))] + [
            (str(p.pk), p.name) for p in options.priorities
        ]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date must be the same as or after the start date"))
        return data

    def chosen(self) -> dict:
        """What was given and is valid (a field in error is left out)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return dict(getattr(self, "cleaned_data", {}))
