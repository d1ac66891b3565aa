"""Delivery pages, in the ``delivery`` namespace."""

app_name = "delivery"

urlpatterns: list = []
