"""Learning pages, in the ``learning`` namespace (/<language>/learning/…): learning records,
finding learning across Wales, adopting and adapting, scale-up, and the resources library."""

from arloesi.learning.urls import adoption, finding, records, resources, scaling

app_name = "learning"

urlpatterns = [
    *records.urlpatterns,
    *adoption.urlpatterns,
    *resources.urlpatterns,
    *scaling.urlpatterns,
    *finding.urlpatterns,
]
