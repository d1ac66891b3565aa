from django.urls import path

from arloesi.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    path(
        "history/<int:event_id>/<slug:field>/remove/", views.history_redact, name="history_redact"
    ),
]
