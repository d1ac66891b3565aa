"""The learning demo, one module per part of the app (found by ``core.sampledata``)."""

from arloesi.learning.sampledata import demo_scaling  # noqa: F401  (scale-up)
