"""Project pages: monitoring."""

urlpatterns: list = []
