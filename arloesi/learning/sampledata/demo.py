"""The learning demo: each part's loader lives in its own module (found by
``core.sampledata``)."""

from arloesi.core.sampledata import register_demo
from arloesi.learning.sampledata import (
    demo_finding,  # noqa: F401  (the search index, rebuilt last)
    demo_scaling,  # noqa: F401  (scale-up)
)
from arloesi.learning.sampledata.demo_records import load_records

register_demo("learning: records", load_records, order=70)
