"""The learning benchmark, one module per part of the app (found by ``core.bench``)."""

from arloesi.learning.sampledata import bench_scaling  # noqa: F401  (scale-ups)
