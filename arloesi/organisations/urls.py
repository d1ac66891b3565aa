from django.urls import include, path

from arloesi.organisations import auth_views, oidc_views, views

app_name_patterns = [
    path("", views.directory, name="directory"),
    path("import/", views.import_units, name="import"),
    path("sign-in-activity/", views.sign_in_activity, name="sign_in_activity"),
    path(
        "sign-in-activity/export.<str:file_format>",
        views.sign_in_activity_export,
        name="sign_in_activity_export",
    ),
    path("<int:unit_id>/", views.unit_detail, name="unit"),
    path("<int:unit_id>/history/", views.unit_history, name="unit_history"),
    path("<int:unit_id>/invite/", views.invite, name="invite"),
    path(
        "invitations/<int:invitation_id>/withdraw/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("memberships/<int:membership_id>/end/", views.membership_end, name="membership_end"),
    path(
        "memberships/<int:membership_id>/organisation-account/unlink/",
        views.organisation_account_unlink,
        name="organisation_account_unlink",
    ),
]

urlpatterns = [
    path("organisations/", include((app_name_patterns, "organisations"))),
    path("account/", views.account, name="account"),
    path("sign-in/", auth_views.sign_in, name="sign_in"),
    path("sign-out/", auth_views.sign_out, name="sign_out"),
    path(
        "sign-in/organisation/",
        oidc_views.organisation_sign_in,
        name="organisation_sign_in",
    ),
    path(
        "sign-in/organisation/no-account/",
        oidc_views.organisation_sign_in_refused,
        name="organisation_sign_in_refused",
    ),
    path("password-reset/", auth_views.password_reset, name="password_reset"),
    path("password-reset/sent/", auth_views.password_reset_sent, name="password_reset_sent"),
    path(
        "password-reset/<str:uid>/<str:token>/",
        auth_views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("invitations/<str:token>/", auth_views.invitation_accept, name="invitation_accept"),
]

# Outside the language prefixes: the one address registered with the organisation's sign-in
# service, as SITE_URL + this path.
unprefixed_urlpatterns = [
    path(
        "sign-in/organisation/callback/",
        oidc_views.organisation_sign_in_callback,
        name="organisation_sign_in_callback",
    ),
]
