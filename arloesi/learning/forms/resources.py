"""The form the national team keeps a resource with."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from arloesi.core import fields
from arloesi.core.forms import VersionedForm
from arloesi.learning.models import Resource


class ResourceForm(VersionedForm):
    edited_fields = ("topic", "title_en", "title_cy", "summary_en", "summary_cy", "url")

    topic = fields.choice(
        _("Topic"), Resource.Topic.choices, required_message=_("Select the topic")
    )
    title_en = fields.text(
        _("Title in English"), required_message=_("Enter the title in English"), max_length=200
    )
    title_cy = fields.text(
        _("Title in Welsh"), required_message=_("Enter the title in Welsh"), max_length=200
    )
    summary_en = fields.long_text(
        _("Summary in English"), required_message=_("Enter the summary in English"), rows=4
    )
    summary_cy = fields.long_text(
        _("Summary in Welsh"), required_message=_("Enter the summary in Welsh"), rows=4
    )
    url = fields.text(
        _("Address of the guidance"),
        required=False,
        max_length=500,
        hint=_("Where the guidance itself is, starting https://"),
    )

    def __init__(self, *args, new: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_version"].required = not new

    def clean_url(self):
        value = (self.cleaned_data.get("url") or "").strip()
        if value and not value.startswith(("https://", "http://")):
            raise ValidationError(_("Enter an address starting https://"))
        return value
