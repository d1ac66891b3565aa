"""Writing a project's logic model (audited; one per project, made on its first save)."""

from django.db import transaction
from django.utils import timezone

from arloesi.core import audit
from arloesi.evaluation.models import LogicModel
from arloesi.evaluation.services.rules import require_change
from arloesi.evaluation.vocabulary import LOGIC_MODEL_PARTS


@transaction.atomic
def logic_model_save(*, actor, project, expected_version: int | None = None, **parts) -> LogicModel:
    """Save the parts of ``project``'s logic model given in ``parts``. ``expected_version`` is
    the version the form showed (None for a logic model that did not exist yet)."""
    require_change(actor, project)
    unknown = set(parts) - set(LOGIC_MODEL_PARTS)
    if unknown:
        raise ValueError(f"not a part of a logic model: {', '.join(sorted(unknown))}")
    values = {name: (text or "").strip() for name, text in parts.items()}
    existing = LogicModel.objects.select_for_update().filter(project=project).first()
    if existing is None:
        return audit.create(
            LogicModel,
            actor=actor,
            project=project,
            updated_by=actor,
            updated_at=timezone.now(),
            **values,
        )
    if any(getattr(existing, name) != text for name, text in values.items()):
        values.update(updated_by=actor, updated_at=timezone.now())
    # A form that saw no logic model (None) is stale once one exists: version 0 never matches.
    return audit.update(existing, actor=actor, expected_version=expected_version or 0, **values)
