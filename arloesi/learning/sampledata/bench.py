"""The learning app's benchmark data and pages, one module per part."""

from arloesi.learning.sampledata import bench_finding  # noqa: F401  (finding learning)
