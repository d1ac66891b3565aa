"""Forms of the review pages: assigning reviewers, declaring interests, scores and notes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.proposals import scoring


class AssignReviewerForm(forms.Form):
    reviewer = fields.choice(
        _("Reviewer"),
        required_message=_("Select a member of the planning group to review the proposal"),
        coerce=int,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {person.pk: person for person in candidates}
        self.fields["reviewer"].choices = [(person.pk, person.full_name) for person in candidates]

    def person(self):
        return self.candidates[self.cleaned_data["reviewer"]]


class DeclarationForm(forms.Form):
    has_conflict = fields.choice(
        _("Do you have a conflict of interest in this proposal?"),
        [
            ("yes", _("Yes, I have a conflict of interest")),
            ("no", _("No, I do not have a conflict of interest")),
        ],
        required_message=_("Select whether you have a conflict of interest"),
        hint=_(
            "For example, you or someone close to you would gain from it, or you helped write "
            "it. If you declare a conflict you will not score the proposal, and you cannot take "
            "the declaration back."
        ),
        coerce=lambda value: value == "yes",
    )
    details = fields.long_text(_("Describe the conflict of interest"), required=False, rows=4)

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not data.get("details", "").strip():
            self.add_error("details", _("Describe your conflict of interest"))
        return data


SCORE_CHOICES = [
    (str(value), str(value)) for value in range(scoring.MIN_SCORE, scoring.MAX_SCORE + 1)
]


class ScoresForm(forms.Form):
    """A score from 1 to 5 and a comment for every criterion of the proposal's intake."""

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = scores or {}
        for criterion in self.criteria:
            name = criterion.name
            existing = scores.get(criterion.pk)
            score = fields.choice(
                _("Score for “%(criterion)s”") % {"criterion": name},
                SCORE_CHOICES,
                required_message=_("Select a score for “%(criterion)s”") % {"criterion": name},
                coerce=int,
            )
            score.initial = str(existing.value) if existing else None
            self.fields[f"score_{criterion.pk}"] = score
            self.fields[f"comment_{criterion.pk}"] = fields.long_text(
                _("Comment on “%(criterion)s”") % {"criterion": name},
                required_message=_("Write a comment on your score for “%(criterion)s”")
                % {"criterion": name},
                initial=existing.comment if existing else None,
                rows=4,
            )

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def scored(self) -> list[tuple]:
        """(criterion, value, comment) for every criterion, once the form is valid."""
        return [
            (
                criterion,
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
        ]


class NoteForm(forms.Form):
    text = fields.long_text(
        _("Add a private note"),
        required_message=_("Write the note before you save it"),
        hint=_("Only you will ever see your notes: not the chair, nor the authors."),
        rows=4,
    )
