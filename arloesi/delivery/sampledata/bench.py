"""Delivery's data and pages for ``make bench``, one module per part of the app."""

from arloesi.delivery.sampledata import bench_allocation  # noqa: F401  (the allocation)
