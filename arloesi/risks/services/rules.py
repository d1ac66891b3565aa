"""The checks every write to a register makes."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from arloesi.risks import matrix
from arloesi.risks.models import RiskEntry
from arloesi.risks.selectors.access import REGISTER_KINDS, may_manage
from arloesi.risks.vocabulary import Status


def require_manage(actor, unit) -> None:
    if unit.kind not in REGISTER_KINDS or not may_manage(actor, unit):
        raise PermissionDenied


def require_open(actor, entry: RiskEntry) -> None:
    """Only those who keep the register change an entry, and only while it is open (as the
    database has it now: someone may have closed it since ``entry`` was read)."""
    require_manage(actor, entry.unit)
    status = RiskEntry.objects.filter(pk=entry.pk).values_list("status", flat=True).first()
    if status != Status.OPEN:
        raise ValidationError(_("This risk is closed: open it again to change it."))


def check_scores(**scores: int | None) -> None:
    """Each consequence and likelihood is 1 to 5 (the names are the form's fields)."""
    wrong = {
        name: _("Select a number from 1 to 5")
        for name, value in scores.items()
        if value not in matrix.SCALE
    }
    if wrong:
        raise ValidationError(wrong)


def required_text(name: str, value: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({name: message})
    return value
