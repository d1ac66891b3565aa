"""Demo data for projects, one module per part of the app (each registers its loader)."""

from arloesi.projects.sampledata import demo_cycles  # noqa: F401  (ramps and PDSA cycles)
