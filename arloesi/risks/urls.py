"""Risks pages, in the ``risks`` namespace."""

app_name = "risks"

urlpatterns: list = []
