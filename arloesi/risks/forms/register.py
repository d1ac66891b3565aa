"""Forms for keeping a register: adding and editing an entry, rescoring it, closing or opening
it again, recording a review, and its further actions. Edits of a saved object carry its
version (``VersionedForm``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import STALE_PAGE, VersionedForm
from arloesi.risks.vocabulary import CONSEQUENCES, LIKELIHOODS, Category, ScoreKind, Status

TEXT_MAX = 5000
NOT_SCORED = [("", _("Not scored yet"))]


def _scale(label, choices, *, required=True, hint=None):
    return fields.choice(
        label,
        (choices if required else NOT_SCORED + choices),
        required=required,
        required_message=_("Select a number from 1 to 5"),
        widget=forms.Select,
        coerce=int,
        hint=hint,
    )


class _Owner:
    """A choice of owner among the people who see the register."""

    def set_owners(self, owners) -> None:
        self.owners = {person.pk: person for person in owners}
        self.fields["owner"].choices = [("", _("Nobody yet"))] + [
            (person.pk, person.full_name) for person in owners
        ]

    def chosen_owner(self):
        value = self.cleaned_data.get("owner")
        return self.owners.get(value) if value not in (None, "") else None


def _owner_field():
    return fields.choice(
        _("Owner"),
        required=False,
        widget=forms.Select,
        coerce=int,
        hint=_("The person responsible for managing the risk."),
    )


class _Described(forms.Form):
    title = fields.text(_("Title"), required_message=_("Enter a title for the risk"))
    category = fields.choice(
        _("Category"), Category.choices, required_message=_("Select the risk’s category")
    )
    description = fields.long_text(_("Description"), required=False, max_length=TEXT_MAX, rows=3)
    cause = fields.long_text(_("Cause"), required=False, max_length=TEXT_MAX, rows=3)
    effect = fields.long_text(
        _("Effect"), required=False, max_length=TEXT_MAX, rows=3,
        hint=_("What would happen if the risk came about."),
    )  # fmt: skip
    owner = _owner_field()
    controls = fields.long_text(
        _("Existing controls"), required=False, max_length=TEXT_MAX, rows=3,
        hint=_("What is already in place to reduce the risk."),
    )  # fmt: skip


class EntryForm(_Owner, _Described):
    initial_consequence = _scale(_("Consequence"), CONSEQUENCES)
    initial_likelihood = _scale(_("Likelihood"), LIKELIHOODS)
    target_consequence = _scale(_("Target consequence"), CONSEQUENCES, required=False)
    target_likelihood = _scale(_("Target likelihood"), LIKELIHOODS, required=False)

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.set_owners(owners)

    def clean(self):
        data = super().clean()
        if (data.get("target_consequence") in (None, "")) != (
            data.get("target_likelihood") in (None, "")
        ):
            self.add_error(
                "target_likelihood", _("Select both the target consequence and likelihood")
            )
        return data

    def target(self) -> tuple[int, int] | None:
        consequence = self.cleaned_data.get("target_consequence")
        likelihood = self.cleaned_data.get("target_likelihood")
        return (consequence, likelihood) if consequence and likelihood else None

    def described(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("title", "category", "description", "cause", "effect", "controls")
        } | {"owner": self.chosen_owner()}


class EntryEditForm(_Owner, VersionedForm, _Described):
    edited_fields = ("title", "category", "description", "cause", "effect", "owner", "controls")

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.set_owners(owners)

    @classmethod
    def initial_from(cls, obj) -> dict:
        return {**super().initial_from(obj), "owner": obj.owner_id}

    def values(self) -> dict:
        return {**super().values(), "owner": self.chosen_owner()}


class RescoreForm(VersionedForm):
    kind = fields.choice(
        _("Which score are you changing?"),
        ScoreKind.choices,
        required_message=_("Select which score you are changing"),
    )
    consequence = _scale(_("Consequence"), CONSEQUENCES)
    likelihood = _scale(_("Likelihood"), LIKELIHOODS)
    reason = fields.long_text(
        _("Why has the score changed?"),
        max_length=2000,
        rows=3,
        required_message=_("Enter why the score changed"),
        hint=_("Kept with the score in the entry’s history."),
    )


class StatusForm(forms.Form):
    # The status the person saw: when someone moved the entry meanwhile, nothing happens.
    from_status = fields.choice(
        _("Status"), Status.choices, widget=forms.HiddenInput, required_message=STALE_PAGE
    )
    reason = fields.long_text(
        _("Reason"), max_length=2000, rows=3, required_message=_("Enter the reason")
    )


class ReviewForm(VersionedForm):
    note = fields.long_text(
        _("What did the review find?"),
        required=False,
        max_length=2000,
        rows=3,
        hint=_("If the score has changed, change the score instead: that counts as a review."),
    )


class ActionForm(_Owner, forms.Form):
    text = fields.long_text(
        _("Action"), max_length=2000, rows=3, required_message=_("Enter the action")
    )
    owner = _owner_field()
    due_on = fields.date(_("Due date"), required=False)

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.set_owners(owners)


class ActionDoneForm(VersionedForm):
    """The "Mark as done" and "Mark as not done" buttons."""

    done = fields.choice(
        _("Done"),
        [("yes", _("Done")), ("no", _("Not done"))],
        widget=forms.HiddenInput,
        required_message=STALE_PAGE,
    )
