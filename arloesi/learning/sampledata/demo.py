"""Demonstration learning: each part's loader lives in its own module, registered here."""

from arloesi.core.sampledata import register_demo

# --- Learning records, adoption and resources -------------------------------------------------
from arloesi.learning.sampledata.demo_records import load_records

register_demo("learning: records", load_records, order=70)
