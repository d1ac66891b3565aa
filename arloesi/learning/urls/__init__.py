"""Learning pages, in the ``learning`` namespace (/<language>/learning/…): learning records,
finding learning across Wales, adopting and adapting, scale-up, and the resources library."""

from arloesi.learning.urls import adoption, records, resources

app_name = "learning"

urlpatterns = []
# --- Learning records, adoption and resources -------------------------------------------------
urlpatterns += records.urlpatterns + adoption.urlpatterns + resources.urlpatterns
