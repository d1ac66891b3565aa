"""The learning benchmark: each part's generator and pages live in its own module (found by
``core.bench``)."""

from arloesi.learning.sampledata import (
    bench_finding,  # noqa: F401  (the search index, finding learning)
    bench_records,  # noqa: F401  (records, adoptions, pages)
    bench_scaling,  # noqa: F401  (scale-ups)
)
