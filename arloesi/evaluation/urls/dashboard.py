"""The four-outcomes dashboards of a cluster, planning group, health board or Wales.

Names: dashboard_home (/evaluation/outcomes/: the widest unit the person may monitor),
dashboard (/evaluation/outcomes/<unit_id>/), behind (…/<unit_id>/<outcome>/<result>/: the
projects behind a figure), dashboard_export (…/<unit_id>/outcomes.<csv|xlsx>), dashboard_pdf
(…/<unit_id>/outcomes.pdf)."""

urlpatterns: list = []
