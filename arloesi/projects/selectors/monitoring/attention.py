"""Home-page items: what a person's projects need from them now — their overdue PDSA cycles
(those they lead, or of projects they lead), progress updates due on their projects, and the
milestones of the projects they lead that are overdue or due soon. Three queries, at most ten
items of each kind.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from arloesi.core.attention import AttentionItem
from arloesi.core.jinja import date_format, url
from arloesi.projects.models import Milestone, PdsaCycle, Project, ProjectTeamMember
from arloesi.projects.selectors.monitoring.scope import overdue_cycles, stale_before
from arloesi.projects.vocabulary import Stage

LIMIT = 10
# Days ahead a milestone of a project one leads is shown on their home page.
MILESTONE_SOON_DAYS = 14


def _signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def monitoring_attention_for(user) -> list[AttentionItem]:
    if not _signed_in(user):
        return []
    today = timezone.localdate()
    led = ProjectTeamMember.objects.filter(person=user, is_lead=True).values("project_id")
    items = [
        AttentionItem(
            text=_("PDSA cycle “%(title)s” is overdue: record its study and act")
            % {"title": cycle.title},
            href=url("projects:cycle", cycle_id=cycle.pk),
        )
        for cycle in PdsaCycle.objects.filter(
            Q(owner=user) | Q(project_id__in=led),
            overdue_cycles(today),
        )
        .exclude(project__status=Stage.CLOSED)
        .only("title")
        .order_by("planned_end_on", "id")[:LIMIT]
    ]
    items += [
        AttentionItem(
            text=_("A progress update is due for “%(title)s”") % {"title": project.title},
            href=url("projects:detail", project_id=project.pk),
        )
        for project in Project.objects.filter(
            pk__in=ProjectTeamMember.objects.filter(person=user).values("project_id"),
            last_update_at__lt=stale_before(),
        )
        .exclude(status=Stage.CLOSED)
        .only("title")
        .order_by("last_update_at", "id")[:LIMIT]
    ]
    for milestone in (
        Milestone.objects.filter(
            project_id__in=led,
            done_on__isnull=True,
            due_on__lte=today + timedelta(days=MILESTONE_SOON_DAYS),
        )
        .exclude(project__status=Stage.CLOSED)
        .select_related("project")
        .only("title", "due_on", "project__title")
        .order_by("due_on", "id")[:LIMIT]
    ):
        names = {"title": milestone.title, "project": milestone.project.title}
        text = (
            _("Milestone “%(title)s” of “%(project)s” is overdue") % names
            if milestone.due_on < today
            else _("Milestone “%(title)s” of “%(project)s” is due on %(date)s")
            % {**names, "date": date_format(milestone.due_on)}
        )
        items.append(
            AttentionItem(text=text, href=url("projects:detail", project_id=milestone.project_id))
        )
    return items
