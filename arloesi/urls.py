from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from arloesi.api.site import api
from arloesi.core import views as core_views
from arloesi.organisations.urls import unprefixed_urlpatterns as organisations_unprefixed

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    *organisations_unprefixed,
    # The API has no language in its address: the caller's Accept-Language, else their own.
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("arloesi.core.urls")),
    path("", include("arloesi.organisations.urls")),
    path("", include("arloesi.diagrams.urls")),
    path("", include("arloesi.projects.urls")),
    path("", include("arloesi.proposals.urls")),
    path("", include("arloesi.risks.urls")),
    path("", include("arloesi.measures.urls")),
    path("", include("arloesi.delivery.urls")),
    path("", include("arloesi.evaluation.urls")),
    path("", include("arloesi.learning.urls")),
    path("", include("arloesi.api.urls")),
    prefix_default_language=True,
)

handler400 = "arloesi.core.views.bad_request"
handler403 = "arloesi.core.views.permission_denied"
handler404 = "arloesi.core.views.page_not_found"
handler500 = "arloesi.core.views.server_error"
