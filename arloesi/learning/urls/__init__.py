"""Learning pages, in the ``learning`` namespace (/<language>/learning/…): learning records,
finding learning across Wales, adopting and adapting, scale-up, and the resources library."""

from arloesi.learning.urls import finding

app_name = "learning"

urlpatterns = [*finding.urlpatterns]
