"""Delivery pages, in the ``delivery`` namespace (/<language>/delivery/…): tasks (a cluster's
board, a change idea's tasks and their forms), capacity, allocation and the unaddressed-potential
report."""

from django.urls import path

from arloesi.delivery.views import allocation, capacity, groups, report, tasks

app_name = "delivery"

urlpatterns = [
    path("delivery/clusters/<int:unit_id>/tasks/", tasks.board, name="board"),
    path(
        "delivery/change-ideas/<int:node_id>/tasks/",
        tasks.change_idea_tasks,
        name="change_idea_tasks",
    ),
    path("delivery/change-ideas/<int:node_id>/tasks/new/", tasks.task_add, name="task_add"),
    path("delivery/tasks/<int:task_id>/", tasks.task_edit, name="task_edit"),
    path("delivery/tasks/<int:task_id>/status/", tasks.task_status, name="task_status"),
    path("delivery/tasks/<int:task_id>/history/", tasks.task_history, name="task_history"),
    path("delivery/tasks/<int:task_id>/remove/", tasks.task_remove, name="task_remove"),
    path("delivery/clusters/<int:unit_id>/groups/", groups.groups, name="groups"),
    path("delivery/capacity/mine/", capacity.my_capacity, name="my_capacity"),
    path(
        "delivery/capacity/<int:declaration_id>/",
        capacity.declaration_edit,
        name="declaration_edit",
    ),
    path(
        "delivery/capacity/<int:declaration_id>/remove/",
        capacity.declaration_remove,
        name="declaration_remove",
    ),
    path(
        "delivery/absences/<int:absence_id>/remove/",
        capacity.absence_remove,
        name="absence_remove",
    ),
    path("delivery/clusters/<int:unit_id>/capacity/", capacity.cluster_capacity, name="capacity"),
    path("delivery/clusters/<int:unit_id>/offers/new/", capacity.offer_add, name="offer_add"),
    path(
        "delivery/offers/<int:offer_id>/withdraw/", capacity.offer_withdraw, name="offer_withdraw"
    ),
    path("delivery/clusters/<int:unit_id>/priorities/", allocation.priorities, name="priorities"),
    path(
        "delivery/tasks/<int:task_id>/priority/",
        allocation.priority_override,
        name="priority_override",
    ),
    path(
        "delivery/clusters/<int:unit_id>/allocations/new/",
        allocation.allocation_new,
        name="allocation_new",
    ),
    path("delivery/allocations/<int:run_id>/", allocation.allocation, name="allocation"),
    path("delivery/units/<int:unit_id>/unaddressed/", report.unaddressed, name="unaddressed"),
    path(
        "delivery/units/<int:unit_id>/unaddressed/export/<str:file_format>/",
        report.unaddressed_export,
        name="unaddressed_export",
    ),
]
