"""Measures pages, in the ``measures`` namespace."""

app_name = "measures"

urlpatterns: list = []
