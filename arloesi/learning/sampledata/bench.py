"""Learning for the benchmark: each part's generator and pages live in its own module."""

# --- Learning records, adoption and resources -------------------------------------------------
from arloesi.learning.sampledata import bench_records  # noqa: F401  (records, adoptions, pages)
