"""The projects demo, one module per part of the app (found by ``core.sampledata``)."""

from arloesi.projects.sampledata import (
    demo_cycles,  # noqa: F401  (ramps and PDSA cycles)
    demo_running,  # noqa: F401  (running a project)
)
