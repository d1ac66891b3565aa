"""The chair's decision form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.proposals.workflow import Outcome


class DecisionForm(forms.Form):
    outcome = fields.choice(_("Decision"), Outcome.choices, required_message=_("Select a decision"))
    rationale = fields.long_text(
        _("Reasons for the decision"),
        required_message=_("Give the reasons for the decision"),
        hint=_("The authors will see these."),
        rows=4,
    )
    conditions = fields.long_text(
        _("Conditions"),
        required=False,
        hint=_("Only for an approval with conditions: what must be done, and by when."),
        rows=4,
    )
    feedback = fields.long_text(
        _("Feedback for the authors"),
        required=False,
        hint=_(
            "What the authors should do next. When you ask for more information, say what the "
            "planning group needs to know."
        ),
        rows=4,
    )
    meeting_reference = fields.text(
        _("Meeting at which the decision was taken"),
        required=False,
        hint=_("For example, the title of the meeting or its minutes reference."),
    )
    meeting_date = fields.date(_("Date of the meeting"), required=False)

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        conditions = data.get("conditions", "").strip()
        if outcome == Outcome.APPROVED_WITH_CONDITIONS and not conditions:
            self.add_error("conditions", _("Enter the conditions of the approval"))
        elif outcome and outcome != Outcome.APPROVED_WITH_CONDITIONS and conditions:
            self.add_error(
                "conditions",
                _("Remove the conditions, or choose “Approved with conditions”"),
            )
        if outcome == Outcome.MORE_INFORMATION_REQUESTED and not data.get("feedback", "").strip():
            self.add_error("feedback", _("Say what information the planning group needs"))
        meeting_date = data.get("meeting_date")
        if meeting_date and meeting_date > timezone.localdate():
            self.add_error("meeting_date", _("The date of the meeting must be today or earlier"))
        return data
