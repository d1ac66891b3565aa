from django.urls import path

from arloesi.learning.views import finding

urlpatterns = [
    path("learning/find/", finding.find, name="find"),
]
