"""Learning pages, in the ``learning`` namespace (/<language>/learning/…): learning records,
finding learning across Wales, adopting and adapting, scale-up, and the resources library."""

app_name = "learning"

urlpatterns = []
