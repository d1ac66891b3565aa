"""The learning app's demonstration data, one module per part."""

from arloesi.learning.sampledata import demo_finding  # noqa: F401  (finding learning)
