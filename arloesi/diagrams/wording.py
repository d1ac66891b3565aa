"""Words the diagram's pages and forms share, in one place."""

from django.utils.translation import gettext_lazy as _

ADD_LABELS = {
    "primary": _("Add a primary driver"),
    "secondary": _("Add a secondary driver"),
    "change_idea": _("Add a change idea"),
}
ADD_REQUIRED = {
    "primary": _("Enter the primary driver"),
    "secondary": _("Enter the secondary driver"),
    "change_idea": _("Enter the change idea"),
}
LINKED_FROM_LABELS = {
    "secondary": _("Which primary driver does it serve?"),
    "change_idea": _("Which secondary driver does it act on?"),
}
