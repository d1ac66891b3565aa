from django.urls import include, path

from arloesi.api.views import docs, tokens

app_name_patterns = [
    path("account/tokens/", tokens.token_list, name="tokens"),
    path("account/tokens/<int:token_id>/revoke/", tokens.token_revoke, name="token_revoke"),
    path("api/v1/docs/", docs.documentation, name="docs"),
]

urlpatterns = [path("", include((app_name_patterns, "api")))]
